//! The organization's identity and its programs' and sites' names in each language (issue 12,
//! defect 7 and "Organization identity"): French and Arabic pages show the names the
//! organization gave in those languages; settings of older ledgers keep their bytes (and so
//! their fingerprint); the identity is on the header, the landing page and the receipt file
//! (name, tracking address, date filed); an administrator sets it all on the settings page,
//! and a bad email, web address or oversize name is refused with nothing recorded.

use recourse::service::administration::fingerprint;
use recourse_events::org::{Role, Settings};
use reqwest::StatusCode;

use recourse::web::{PublicUrl, WebConfig};

use crate::web_helpers::{Browser, TestApp, spawn_app, spawn_app_with};

/// The demo's current settings.
fn settings(t: &TestApp) -> Settings {
    t.app.service.read(|m| m.org().settings.clone())
}

/// The `org` stream's length (a saved change adds an event).
fn org_seq(t: &TestApp) -> u64 {
    t.app.service.read(|m| m.org().seq)
}

/// The settings form's fields as the page fills them from `s`, with `changes` applied
/// (replacing a field of that name, or added).
fn form_of(s: &Settings, csrf: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let lines = |v: &[recourse_events::org::Named]| {
        v.iter()
            .map(|n| format!("{} = {}", n.id, n.name))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let cadence = s.review_cadence.unwrap_or_default();
    let mut f: Vec<(String, String)> = [
        ("csrf", csrf.to_string()),
        ("base", fingerprint(s)),
        (
            "acknowledge_business_days",
            s.acknowledge_business_days.to_string(),
        ),
        ("decide_calendar_days", s.decide_calendar_days.to_string()),
        ("appeal_window_days", s.appeal_window_days.to_string()),
        ("retention_days", s.retention_days.to_string()),
        ("time_zone", s.time_zone.clone()),
        ("holiday_jurisdiction", s.holiday_jurisdiction.clone()),
        ("extra_holidays", String::new()),
        ("removed_holidays", String::new()),
        ("default_language", s.languages[0].clone()),
        ("programs", lines(&s.programs)),
        ("sites", lines(&s.sites)),
        ("framework", s.framework.clone()),
        ("review_every", cadence.every.as_str().to_string()),
        ("review_year_start", cadence.fiscal_start.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let dates = |d: &[jiff::civil::Date]| {
        d.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    f[8].1 = dates(&s.extra_holidays);
    f[9].1 = dates(&s.removed_holidays);
    f.extend(s.languages.iter().map(|l| ("languages".into(), l.clone())));
    for (k, v) in changes {
        match f.iter_mut().find(|(name, _)| name == k) {
            Some(field) => field.1 = v.to_string(),
            None => f.push((k.to_string(), v.to_string())),
        }
    }
    f
}

/// The administrator, signed in, and the settings page's CSRF token.
async fn admin(t: &TestApp) -> (Browser, String) {
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    let page = admin.get("/staff/admin?view=settings&lang=en").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let csrf = page.csrf().expect("a CSRF field");
    (admin, csrf)
}

async fn post(b: &Browser, fields: &[(String, String)]) -> crate::web_helpers::Page {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post_form("/staff/admin/settings?lang=en", &pairs).await
}

#[test]
fn old_settings_keep_their_bytes_and_fingerprint() {
    // Given settings as a ledger written before names per language and the identity existed
    let old = r#"{"acknowledge_business_days":2,"decide_calendar_days":30,"appeal_window_days":30,"time_zone":"America/Toronto","holiday_jurisdiction":"on","extra_holidays":[],"removed_holidays":[],"languages":["en","fr","ar","fa","es","uk"],"retention_days":2555,"framework":"ccr-cleo-2021","programs":[{"id":"settlement","name":"Settlement services"}],"sites":[{"id":"main","name":"Main office"}]}"#;
    // When they are read and written again
    let s: Settings = serde_json::from_str(old).unwrap();
    let again = serde_json::to_string(&s).unwrap();
    // Then the bytes, and so the fingerprint, are the same
    assert_eq!(again, old);
    assert_eq!(s, Settings::default());
    use sha2::Digest;
    assert_eq!(
        fingerprint(&s),
        hex::encode(&sha2::Sha256::digest(old.as_bytes())[..12])
    );
    // And a name in another language is written only where there is one
    let mut named = s.clone();
    named.programs[0]
        .names
        .insert("fr".into(), "Services d’établissement".into());
    let json = serde_json::to_string(&named).unwrap();
    assert!(json.contains(r#""names":{"fr":"Services d’établissement"}"#));
    assert!(!json.contains(r#""sites":[{"id":"main","name":"Main office","names""#));
    assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), named);
}

#[tokio::test(flavor = "multi_thread")]
async fn french_and_arabic_pages_show_the_programs_and_sites_own_names() {
    // Given the demo agency, whose programs and sites have French and Arabic names
    let t = spawn_app().await;
    let client = t.browser();
    // When a client opens the complaint form in French, then in Arabic
    let fr = client.get("/complain?lang=fr").await;
    let ar = client.get("/complain?lang=ar").await;
    // Then each lists the programs and sites in its language
    assert!(
        fr.body
            .contains("<option value=\"linc\">Cours de langue (CLIC)</option>"),
        "{}",
        fr.body
    );
    assert!(fr.body.contains("Bureau du centre-ville"));
    assert!(!fr.body.contains("Language training (LINC)"));
    assert!(
        ar.body
            .contains("<option value=\"employment\">خدمات التوظيف</option>")
    );
    assert!(ar.body.contains("مكتب وسط المدينة"));
    // And English keeps the main names
    let en = client.get("/complain?lang=en").await;
    assert!(en.body.contains("Language training (LINC)"));

    // When staff read the queue in Arabic and the board its dashboard in French
    let intake = t.sign_in(t.login_of(Role::Intake)).await;
    let queue = intake.get("/staff?lang=ar").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains("الاستقرار والاندماج"), "{}", queue.body);
    assert!(!queue.body.contains(">Settlement and integration<"));
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let dash = board.get("/board?lang=fr").await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(
        dash.body.contains("Établissement et intégration"),
        "the breakdown by program names it in French"
    );
    assert!(dash.body.contains("Bureau de l’Est"));

    // When intake opens a case's page in French
    let (case, _) = crate::api::file(&t, "The interpreter never came.").await;
    let page = intake.get(&format!("/staff/case/{case}?lang=fr")).await;
    // Then the program and the site are named in French
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Établissement et intégration"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Bureau du centre-ville"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_identity_is_on_the_header_the_landing_page_and_the_receipt() {
    // Given the demo agency, whose settings give its name, address and contact
    let t = spawn_app().await;
    let client = t.browser();
    // When a client opens the landing page in English and in French
    let en = client.get("/?lang=en").await;
    let fr = client.get("/?lang=fr").await;
    // Then the header's brand is the organization's name, in the page's language
    assert!(
        en.body
            .contains("class=\"brand\" href=\"/\" dir=\"auto\">Maple Newcomer Services</a>"),
        "{}",
        en.body
    );
    assert!(
        fr.body
            .contains("dir=\"auto\">Services aux nouveaux arrivants Érable</a>")
    );
    // And the landing page says how to reach it another way
    assert!(en.body.contains("How to reach us"));
    assert!(en.body.contains("<bdi>100 Queen Street West</bdi>"));
    assert!(en.body.contains("href=\"tel:+14165550100\""));
    assert!(
        en.body
            .contains("href=\"mailto:help@maple-newcomers.example\"")
    );
    assert!(fr.body.contains("Pour nous joindre"));

    // When a client files a complaint and saves the receipt as a file
    let (case, code) = crate::api::file(&t, "The interpreter never came.").await;
    let track = client.get("/track?lang=en").await;
    let csrf = track.csrf().unwrap();
    let file = client
        .post_form(
            "/receipt?lang=en",
            &[("csrf", csrf.as_str()), ("code", &code)],
        )
        .await;
    assert_eq!(file.status, StatusCode::OK, "{}", file.body);
    // Then the file names the organization, the date filed and the tracking page's address
    let filed = t.app.service.read(|m| {
        let case = m.case(&case.parse().unwrap()).unwrap();
        m.clocks().local_date(case.filed_at.unwrap()).to_string()
    });
    assert!(
        file.body.starts_with("Maple Newcomer Services\n"),
        "{}",
        file.body
    );
    assert!(
        file.body.contains(&format!("Filed on {filed}.")),
        "{}",
        file.body
    );
    assert!(
        file.body
            .contains(&format!("Follow your complaint at: {}/track", t.base)),
        "{}",
        file.body
    );
    assert!(file.body.contains("help@maple-newcomers.example"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_sets_the_identity_and_names_in_each_language() {
    // Given the demo's administrator on the settings page
    let t = spawn_app().await;
    let (admin, csrf) = admin(&t).await;
    let page = admin.get("/staff/admin?view=settings&lang=en").await;
    assert!(
        page.body.contains("id=\"programs_fr\""),
        "a box per language"
    );
    assert!(page.body.contains("linc = Cours de langue (CLIC)"));
    let s = settings(&t);
    // When they change the name, the email, a French program name and an Arabic site name
    let fields = form_of(
        &s,
        &csrf,
        &[
            ("org_name", "Maple Services"),
            ("org_name_fr", "Services Érable"),
            ("org_address", "1 King St\r\nToronto"),
            ("org_phone", "416 555 0199"),
            ("org_email", "contact@maple.example"),
            ("org_website", "https://maple.example/"),
            ("programs_fr", "linc = Français langue seconde\nhousing ="),
            ("sites_ar", "downtown = المكتب الرئيسي"),
        ],
    );
    let r = post(&admin, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Then the settings hold them, and the names not on the form are kept
    let now = settings(&t);
    assert_eq!(now.organization.name, "Maple Services");
    assert_eq!(now.organization.address, "1 King St\nToronto");
    assert_eq!(now.organization.names["fr"], "Services Érable");
    let name = |list: &[recourse_events::org::Named], id: &str, lang: &str| {
        list.iter()
            .find(|n| n.id == id)
            .unwrap()
            .name_in(lang)
            .to_string()
    };
    assert_eq!(name(&now.programs, "linc", "fr"), "Français langue seconde");
    assert_eq!(name(&now.programs, "housing", "fr"), "Housing help");
    assert_eq!(name(&now.programs, "linc", "ar"), "دروس اللغة (LINC)");
    assert_eq!(name(&now.sites, "downtown", "ar"), "المكتب الرئيسي");
    // And the pages show them
    let client = t.browser();
    let fr = client.get("/complain?lang=fr").await;
    assert!(fr.body.contains(">Français langue seconde</option>"));
    assert!(fr.body.contains("dir=\"auto\">Services Érable</a>"));
    let ar = client.get("/complain?lang=ar").await;
    assert!(ar.body.contains(">المكتب الرئيسي</option>"));

    // When the same form is sent again, nothing new is recorded
    let seq = org_seq(&t);
    let again = form_of(
        &now,
        &csrf,
        &[
            ("org_name", "Maple Services"),
            ("org_address", "1 King St\nToronto"),
            ("org_phone", "416 555 0199"),
            ("org_email", "contact@maple.example"),
            ("org_website", "https://maple.example/"),
        ],
    );
    let r = post(&admin, &again).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(org_seq(&t), seq, "unchanged settings record nothing");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_email_address_or_oversize_name_is_refused_and_nothing_changes() {
    // Given the demo's administrator
    let t = spawn_app().await;
    let (admin, csrf) = admin(&t).await;
    let before = settings(&t);
    let seq = org_seq(&t);
    // When they send a bad email, a script address, an oversize name and a control character
    let long = "ع".repeat(201);
    let fields = form_of(
        &before,
        &csrf,
        &[
            ("org_name", long.as_str()),
            ("org_email", "help at maple"),
            ("org_website", "javascript:alert(1)"),
            ("org_phone", "call us"),
            ("programs_fr", "linc = a\u{7}b\nnowhere = Nulle part"),
        ],
    );
    let r = post(&admin, &fields).await;
    // Then each is refused with its field named, and nothing is recorded
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    for field in [
        "org_name",
        "org_email",
        "org_website",
        "org_phone",
        "program_names",
    ] {
        assert!(
            r.body.contains(&format!("href=\"#{field}\"")),
            "{field} is named in the summary: {}",
            r.body
        );
        assert!(r.body.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(r.body.contains("at most 200 are accepted"));
    assert!(r.body.contains("Please give an email address"));
    assert!(
        r.body.contains("nowhere") && r.body.contains("in the list above"),
        "{}",
        r.body
    );
    assert_eq!(settings(&t), before);
    assert_eq!(org_seq(&t), seq);

    // And a control character in a name in another language is refused too
    let fields = form_of(&before, &csrf, &[("programs_fr", "linc = a\u{7}b")]);
    let r = post(&admin, &fields).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(r.body.contains("href=\"#program_names\""));
    assert_eq!(settings(&t), before);
}

/// A small valid PNG (1×1 pixel).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// POSTs the logo form: the CSRF token and `bytes` as a file named `name`, claimed to be
/// `claimed` (what the browser says, which the server must not believe).
async fn upload(
    b: &Browser,
    csrf: &str,
    name: &str,
    claimed: &str,
    bytes: &[u8],
) -> crate::web_helpers::Page {
    const BOUNDARY: &str = "----identity-test-boundary";
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"{name}\"\r\n\
         Content-Type: {claimed}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let r = b
        .client
        .post(b.url("/staff/admin/logo?lang=en"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .expect("POST");
    crate::web_helpers::Page {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.text().await.unwrap_or_default(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_png_logo_is_served_with_its_type_and_other_files_are_refused() {
    // Given the demo's administrator, and no logo yet
    let t = spawn_app().await;
    let (admin, csrf) = admin(&t).await;
    assert!(t.app.service.read(|m| m.org().logo.is_none()));
    let seq = org_seq(&t);

    // When they upload an SVG (claimed to be a PNG), then text named logo.png
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let r = upload(&admin, &csrf, "logo.png", "image/png", svg).await;
    // Then each is refused, saying why, and nothing is recorded
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(
        r.body
            .contains("This file is not a PNG, JPEG or WebP image.")
    );
    assert!(r.body.contains("href=\"#logo\""));
    let r = upload(&admin, &csrf, "logo.png", "image/png", b"just some text").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    // And a file over the limit is too large (413), even if it starts as a PNG
    let mut big = PNG.to_vec();
    big.resize(recourse::limits::LOGO_BYTES + 1, 0);
    let r = upload(&admin, &csrf, "big.png", "image/png", &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    // And a form without the CSRF token is refused
    let r = upload(&admin, "forged", "logo.png", "image/png", PNG).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(org_seq(&t), seq);

    // When they upload a PNG, claimed to be something else
    let r = upload(&admin, &csrf, "logo.bin", "application/octet-stream", PNG).await;
    // Then it is recorded, and every page's header shows it with the organization's name
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(org_seq(&t), seq + 1);
    let sha = t
        .app
        .service
        .read(|m| m.org().logo.as_ref().unwrap().sha256.clone());
    let path = format!("/logo/{}", &sha[..16]);
    let landing = t.browser().get("/?lang=en").await;
    assert!(
        landing.body.contains(&format!(
            "<img class=\"logo\" src=\"{path}\" alt=\"Maple Newcomer Services\""
        )),
        "{}",
        landing.body
    );
    // And it is served with the type its bytes say, not sniffed, cached for long
    let image = t.browser().get(&path).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert_eq!(image.header("x-content-type-options"), Some("nosniff"));
    assert!(
        image
            .header("cache-control")
            .unwrap()
            .contains("max-age=31536000")
    );
    // And another address is not found
    let other = t.browser().get("/logo/0000000000000000").await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_a_proxy_the_receipt_gives_the_public_address_not_the_host_header() {
    // Given a server told its public address (as behind a proxy that rewrites Host)
    let public = PublicUrl::parse("https://complaints.example.org/").expect("a public address");
    let t = spawn_app_with(WebConfig {
        public_url: Some(public),
        ..crate::api::roomy()
    })
    .await;
    // When a client saves the receipt of a complaint as a file
    let (_, code) = crate::api::file(&t, "The interpreter never came.").await;
    let client = t.browser();
    let csrf = client.get("/track?lang=en").await.csrf().unwrap();
    let file = client
        .post_form(
            "/receipt?lang=en",
            &[("csrf", csrf.as_str()), ("code", &code)],
        )
        .await;
    // Then it gives the public address, not the one the request came to
    assert_eq!(file.status, StatusCode::OK, "{}", file.body);
    assert!(
        file.body
            .contains("Follow your complaint at: https://complaints.example.org/track"),
        "{}",
        file.body
    );
    assert!(!file.body.contains(&t.base), "{}", file.body);
}

#[test]
fn a_public_address_is_a_scheme_and_a_host_only() {
    for good in [
        "https://complaints.example.org",
        "http://127.0.0.1:8080/",
        "https://[::1]:8443",
    ] {
        assert!(PublicUrl::parse(good).is_ok(), "{good}");
    }
    for bad in [
        "complaints.example.org",
        "ftp://example.org",
        "https://",
        "https://example.org/recourse",
        "https://example.org?x=1",
        "https://user@example.org",
        "javascript:alert(1)",
        "https://exa mple.org",
    ] {
        assert!(PublicUrl::parse(bad).is_err(), "{bad}");
    }
    assert_eq!(
        PublicUrl::parse("https://example.org/")
            .unwrap()
            .join("/track"),
        "https://example.org/track"
    );
}
