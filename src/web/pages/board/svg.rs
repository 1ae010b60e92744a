//! Charts as SVG strings: grouped columns and lines by period, and horizontal bars. Every
//! text is escaped; colours pass WCAG AA against white (text 4.5:1, marks 3:1 with room),
//! and series differ by pattern, dash and marker shape too, named in a legend.

use std::fmt::Write as _;

const INK: &str = "#1b1b1b";
const MUTED: &str = "#4a4a4a";
const GRID: &str = "#d4d4d4";
const TRACK: &str = "#e6e6e6";
/// Blue 7.9:1, brown 7.4:1, green 6.6:1, purple 9.6:1 against white.
const COLOURS: [&str; 4] = ["#0b5394", "#8a3b00", "#1d6b2f", "#6a1b9a"];
const DASHES: [&str; 4] = ["", "7 4", "2 3", "10 3 2 3"];
const FONT: f64 = 16.0;
const SMALL: f64 = 14.0;
const VALUE: f64 = 13.0;
/// Charts are drawn for the width a phone gives them (its 360 px less the page's and
/// the figure's margins), with large text: there they show at about 80%, text at 11 px
/// and more; wider screens show them at 1.3 times (`open`).
const WIDTH: f64 = 300.0;
const PLOT_HEIGHT: f64 = 170.0;

/// Text made safe for SVG text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A rough width of `s` in a sans-serif font of `size` (no font metrics on the server).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.58
}

/// One series of a chart by period.
pub struct Series<'a> {
    /// Its name, in the legend.
    pub name: &'a str,
    /// One value per period; `None` where there is nothing to measure.
    pub values: Vec<Option<f64>>,
}

/// One horizontal bar.
pub struct Bar {
    /// What it is.
    pub label: String,
    /// Its value (`None`: nothing to measure).
    pub value: Option<f64>,
    /// The value of a full-width bar.
    pub max: f64,
    /// The value as written.
    pub text: String,
}

/// The vertical scale of a chart by period.
pub enum Scale {
    /// 0 to 100.
    Percent,
    /// 0 to a round number above the largest value.
    Auto,
}

fn open(out: &mut String, id: &str, w: f64, h: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{:.0}\" \
         height=\"{:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" focusable=\"false\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif\" \
         direction=\"ltr\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        w * 1.3,
        h * 1.3,
        esc(title),
        esc(desc)
    );
}

/// The fill of series `i`: solid for the first, patterns for the others.
fn fill(id: &str, i: usize) -> String {
    if i == 0 {
        COLOURS[0].to_owned()
    } else {
        format!("url(#{id}-p{i})")
    }
}

fn patterns(out: &mut String, id: &str, n: usize) {
    if n < 2 {
        return;
    }
    out.push_str("<defs>");
    for (i, c) in COLOURS.iter().enumerate().take(n).skip(1) {
        // Diagonal stripes, dots, cross-hatch.
        let marks = match i {
            1 => format!("<path d=\"M0 0V6\" stroke=\"{c}\" stroke-width=\"3\"/>"),
            2 => format!("<circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"{c}\"/>"),
            _ => format!("<path d=\"M0 0V6M0 0H6\" stroke=\"{c}\" stroke-width=\"2\"/>"),
        };
        let rotate = if i == 1 {
            " patternTransform=\"rotate(45)\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<pattern id=\"{id}-p{i}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"{rotate}>\
             <rect width=\"6\" height=\"6\" fill=\"#fff\"/>{marks}</pattern>"
        );
    }
    out.push_str("</defs>");
}

/// The frame of a chart by period: legend on top, value axis on the left, periods below.
struct Frame {
    left: f64,
    top: f64,
    plot_w: f64,
    slot: f64,
    max: f64,
    ticks: Vec<f64>,
    width: f64,
    height: f64,
}

impl Frame {
    /// The frame below a legend `legend_h` high. It keeps the chart's width whatever the
    /// number of periods (the page's style shrinks an SVG to fit, so a wider chart would
    /// only make its text smaller): columns get thinner and period labels sparser.
    fn new(periods: usize, legend_h: f64, max: f64, tick: &dyn Fn(f64) -> String) -> Frame {
        let (max, step) = match max {
            m if m <= 0.0 => (4.0, 1.0),
            m => {
                let raw = m / 4.0;
                let mag = 10f64.powf(raw.log10().floor());
                let step = [1.0, 2.0, 5.0, 10.0]
                    .iter()
                    .map(|k| k * mag)
                    .find(|s| *s >= raw)
                    .unwrap_or(10.0 * mag)
                    .max(1.0);
                ((m / step).ceil() * step, step)
            }
        };
        let ticks: Vec<f64> = (0..)
            .map(|i| f64::from(i) * step)
            .take_while(|t| *t <= max + step / 2.0)
            .collect();
        let left = ticks
            .iter()
            .map(|t| text_width(&tick(*t), SMALL) * 1.15)
            .fold(0.0, f64::max)
            + 10.0;
        let n = periods.max(1) as f64;
        let plot_w = WIDTH - left - 8.0;
        let top = legend_h + 20.0;
        Frame {
            left,
            top,
            plot_w,
            slot: plot_w / n,
            max,
            ticks,
            width: left + plot_w + 8.0,
            height: top + PLOT_HEIGHT + 42.0,
        }
    }

    fn y(&self, v: f64) -> f64 {
        self.top + PLOT_HEIGHT - (v / self.max).clamp(0.0, 1.0) * PLOT_HEIGHT
    }

    fn bottom(&self) -> f64 {
        self.top + PLOT_HEIGHT
    }

    /// Grid, value axis and period labels (as many as fit).
    fn draw(&self, out: &mut String, axis: &[(String, String)], tick: &dyn Fn(f64) -> String) {
        for t in &self.ticks {
            let y = self.y(*t);
            let _ = write!(
                out,
                "<path d=\"M{:.1} {y:.1}H{:.1}\" stroke=\"{GRID}\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{SMALL}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
                self.left,
                self.left + self.plot_w,
                self.left - 6.0,
                y + 4.0,
                esc(&tick(*t))
            );
        }
        let _ = write!(
            out,
            "<path d=\"M{:.1} {:.1}H{:.1}\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
            self.left,
            self.bottom(),
            self.left + self.plot_w
        );
        let need = axis
            .iter()
            .map(|(s, _)| text_width(s, SMALL))
            .fold(0.0, f64::max)
            + 6.0;
        let every = (need / self.slot).ceil().max(1.0) as usize;
        // The year under the first label and the first of each year, where it fits.
        let (mut last_year, mut last_x) = ("", f64::MIN);
        for (i, (short, year)) in axis.iter().enumerate() {
            if i % every != 0 {
                continue;
            }
            let x = self.left + (i as f64 + 0.5) * self.slot;
            let _ = write!(
                out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{SMALL}\" text-anchor=\"middle\" fill=\"{INK}\">{}",
                self.bottom() + 18.0,
                esc(short)
            );
            if !year.is_empty() && year != last_year && x - last_x >= text_width(year, SMALL) + 6.0
            {
                let _ = write!(out, "<tspan x=\"{x:.1}\" dy=\"17\">{}</tspan>", esc(year));
                (last_year, last_x) = (year, x);
            }
            out.push_str("</text>");
        }
    }
}

/// A legend: entries one under the other, each a sample (drawn at x 0..28) and a name
/// wrapped to the chart's width. Returns it and its height.
fn legend(entries: &[(String, &str)]) -> (String, f64) {
    let per_line = ((WIDTH - 36.0) / (FONT * 0.6)) as usize;
    let mut out = String::new();
    let mut y = 2.0;
    for (sample, name) in entries {
        let _ = write!(out, "<g transform=\"translate(0 {y:.0})\">{sample}");
        let lines = wrap(name, per_line);
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"36\" y=\"{:.0}\" font-size=\"{FONT}\" fill=\"{INK}\">{}</text>",
                15.0 + k as f64 * 19.0,
                esc(line)
            );
        }
        out.push_str("</g>");
        y += 24.0 + lines.len().saturating_sub(1) as f64 * 19.0;
    }
    (out, y)
}

fn largest(series: &[Series]) -> f64 {
    series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .fold(0.0, f64::max)
}

fn whole(v: f64) -> String {
    format!("{v}")
}

/// Grouped columns by period: one column per series in each period.
pub fn columns(
    id: &str,
    title: &str,
    desc: &str,
    axis: &[(String, String)],
    series: &[Series],
) -> String {
    let k = series.len().max(1);
    let entries: Vec<(String, &str)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sample = format!(
                "<rect x=\"4\" y=\"1\" width=\"20\" height=\"16\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                fill(id, i),
                COLOURS[i % COLOURS.len()]
            );
            (sample, s.name)
        })
        .collect();
    let (legend, legend_h) = legend(&entries);
    let f = Frame::new(axis.len(), legend_h, largest(series), &whole);
    let mut out = String::with_capacity(2048 + axis.len() * k * 120);
    open(&mut out, id, f.width, f.height, title, desc);
    patterns(&mut out, id, k);
    out.push_str(&legend);
    f.draw(&mut out, axis, &whole);
    let group = f.slot * 0.8;
    let bar = group / k as f64;
    let widest = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .map(|v| text_width(&whole(*v), VALUE))
        .fold(0.0, f64::max);
    let labelled = widest <= bar + 2.0;
    for (p, _) in axis.iter().enumerate() {
        let x0 = f.left + p as f64 * f.slot + (f.slot - group) / 2.0;
        for (i, s) in series.iter().enumerate() {
            let Some(v) = s.values.get(p).copied().flatten() else {
                continue;
            };
            let x = x0 + i as f64 * bar;
            let y = f.y(v);
            if v > 0.0 {
                let _ = write!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
                    x + 0.75,
                    (bar - 1.5).max(1.0),
                    f.bottom() - y,
                    fill(id, i),
                    COLOURS[i % COLOURS.len()]
                );
            }
            if labelled {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{VALUE}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
                    x + bar / 2.0,
                    y - 4.0,
                    whole(v)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

fn marker(out: &mut String, i: usize, x: f64, y: f64) {
    let c = COLOURS[i % COLOURS.len()];
    let _ = match i % 4 {
        0 => write!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{c}\"/>"
        ),
        1 => write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"{c}\" stroke-width=\"2.5\"/>",
            x - 4.0,
            y - 4.0
        ),
        2 => write!(
            out,
            "<path d=\"M{x:.1} {:.1}l5 5-5 5-5-5z\" fill=\"{c}\"/>",
            y - 5.0
        ),
        _ => write!(
            out,
            "<path d=\"M{x:.1} {:.1}l5 9h-10z\" fill=\"{c}\"/>",
            y - 5.0
        ),
    };
}

/// Lines by period, with a marker at each value; a gap where there is nothing to measure;
/// and a dotted reference line (a target) if given.
#[allow(clippy::too_many_arguments)]
pub fn lines(
    id: &str,
    title: &str,
    desc: &str,
    axis: &[(String, String)],
    series: &[Series],
    scale: Scale,
    reference: Option<(f64, &str)>,
    tick: &dyn Fn(f64) -> String,
) -> String {
    let max = match scale {
        Scale::Percent => 100.0,
        Scale::Auto => largest(series).max(reference.map_or(0.0, |r| r.0)),
    };
    let (legend, legend_h) = legend(&line_entries(series, reference));
    let f = Frame::new(axis.len(), legend_h, max, tick);
    let mut out = String::with_capacity(2048 + axis.len() * series.len() * 100);
    open(&mut out, id, f.width, f.height, title, desc);
    out.push_str(&legend);
    f.draw(&mut out, axis, tick);
    if let Some((v, _)) = reference {
        let _ = write!(
            out,
            "<path d=\"M{:.1} {:.1}H{:.1}\" stroke=\"{MUTED}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>",
            f.left,
            f.y(v),
            f.left + f.plot_w
        );
    }
    for (i, s) in series.iter().enumerate() {
        let mut d = String::new();
        let mut pen_down = false;
        for (p, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => {
                    let x = f.left + (p as f64 + 0.5) * f.slot;
                    let _ = write!(
                        d,
                        "{}{x:.1} {:.1}",
                        if pen_down { "L" } else { "M" },
                        f.y(*v)
                    );
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !d.is_empty() {
            let _ = write!(
                out,
                "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\" stroke-linejoin=\"round\"/>",
                COLOURS[i % COLOURS.len()],
                DASHES[i % DASHES.len()]
            );
        }
        // Markers only where periods are far enough apart to tell them.
        for (p, v) in s.values.iter().enumerate().filter(|_| f.slot >= 9.0) {
            if let Some(v) = v {
                marker(&mut out, i, f.left + (p as f64 + 0.5) * f.slot, f.y(*v));
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// The legend of a line chart: each series' line and marker, and the reference line.
fn line_entries<'a>(
    series: &[Series<'a>],
    reference: Option<(f64, &'a str)>,
) -> Vec<(String, &'a str)> {
    let mut entries: Vec<(String, &str)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut sample = format!(
                "<path d=\"M0 9H28\" stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"{}\"/>",
                COLOURS[i % COLOURS.len()],
                DASHES[i % DASHES.len()]
            );
            marker(&mut sample, i, 14.0, 9.0);
            (sample, s.name)
        })
        .collect();
    if let Some((_, label)) = reference {
        let sample = format!(
            "<path d=\"M0 9H28\" stroke=\"{MUTED}\" stroke-width=\"2\" stroke-dasharray=\"2 4\"/>"
        );
        entries.push((sample, label));
    }
    entries
}

/// Words of `s` in lines of at most `max` characters (a longer word gets its own line).
fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Horizontal bars, each under its label, its value written at its end. With `track`,
/// each bar is drawn over a light track of its full scale (a share, a rating out of 5).
pub fn hbars(
    id: &str,
    title: &str,
    desc: &str,
    bars: &[Bar],
    track: bool,
    no_data: &str,
) -> String {
    let per_line = (WIDTH / (FONT * 0.58)) as usize;
    let mut body = String::with_capacity(512 + bars.len() * 300);
    let mut y = 4.0;
    for b in bars {
        for line in wrap(&b.label, per_line) {
            let _ = write!(
                body,
                "<text x=\"0\" y=\"{:.1}\" font-size=\"{FONT}\" fill=\"{INK}\">{}</text>",
                y + FONT,
                esc(&line)
            );
            y += FONT + 4.0;
        }
        y += 2.0;
        if track {
            let _ = write!(
                body,
                "<rect x=\"0\" y=\"{y:.1}\" width=\"{WIDTH:.1}\" height=\"20\" fill=\"{TRACK}\"/>"
            );
        }
        let len = match b.value {
            Some(v) if b.max > 0.0 => (v / b.max).clamp(0.0, 1.0) * WIDTH,
            _ => 0.0,
        };
        if len > 0.0 {
            let _ = write!(
                body,
                "<rect x=\"0\" y=\"{y:.1}\" width=\"{len:.1}\" height=\"20\" fill=\"{}\"/>",
                COLOURS[0]
            );
        }
        let text = if b.value.is_some() {
            b.text.as_str()
        } else {
            no_data
        };
        // Digits and % are wider than the average letter.
        let w = text_width(text, FONT) * 1.15;
        // After the bar if it fits, else inside its end, in white on the bar's blue.
        let (x, anchor, colour) = if len + 6.0 + w <= WIDTH {
            (len + 6.0, "start", INK)
        } else {
            (len - 6.0, "end", "#fff")
        };
        let _ = write!(
            body,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" text-anchor=\"{anchor}\" fill=\"{colour}\">{}</text>",
            y + 15.0,
            esc(text)
        );
        y += 20.0 + 14.0;
    }
    let mut out = String::with_capacity(body.len() + 512);
    open(&mut out, id, WIDTH, y, title, desc);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_charts_are_labelled() {
        let axis = vec![("Q1".to_owned(), "2026".to_owned()); 3];
        let svg = columns(
            "x",
            "<script>",
            "a & b",
            &axis,
            &[Series {
                name: "\"quoted\"",
                values: vec![Some(1.0), None, Some(3.0)],
            }],
        );
        assert!(svg.contains("&lt;script&gt;") && !svg.contains("<script>"));
        assert!(svg.contains("a &amp; b") && svg.contains("&quot;quoted&quot;"));
        assert!(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"x-t x-d\""));
        let bars = hbars(
            "h",
            "t",
            "d",
            &[Bar {
                label: "<b>".into(),
                value: None,
                max: 1.0,
                text: String::new(),
            }],
            true,
            "no data",
        );
        assert!(bars.contains("&lt;b&gt;") && bars.contains("no data"));
    }

    #[test]
    fn lines_break_where_there_is_nothing_to_measure() {
        let axis = vec![("a".to_owned(), String::new()); 4];
        let svg = lines(
            "l",
            "t",
            "d",
            &axis,
            &[Series {
                name: "s",
                values: vec![Some(1.0), Some(2.0), None, Some(4.0)],
            }],
            Scale::Auto,
            Some((3.0, "target")),
            &|v| v.to_string(),
        );
        let path = svg
            .split("<path d=\"")
            .find(|p| p.contains("fill=\"none\""));
        let d = path.unwrap().split('"').next().unwrap();
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert!(svg.contains("target"));
    }
}
