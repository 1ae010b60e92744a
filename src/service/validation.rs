//! Validation, once: every input the application takes (a complaint, a case action's fields,
//! an enrolment, settings) is checked here, by one validator per input, whichever door it came
//! through. A refusal names the field and says why as a [`Message`] id, which the pages
//! translate into the visitor's language beside the field and the API returns with its English
//! text. Limits come from one table, [`crate::limits`], and count characters, as a person
//! writing sees them.

use recourse_projections::message::Message;

/// One refused input: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The field's name (the form's `name`, the API's property in snake case).
    pub field: &'static str,
    /// Why, as a message id with its arguments.
    pub message: Message,
}

impl Invalid {
    /// `field` refused with message `id`.
    pub fn new(field: &'static str, message: Message) -> Invalid {
        Invalid { field, message }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Characters in `text`, as the limits count them.
pub fn chars(text: &str) -> usize {
    text.chars().count()
}

/// `text` (trimmed) must not be empty.
pub fn required(field: &'static str, text: &str) -> Result<(), Invalid> {
    if text.trim().is_empty() {
        Err(Invalid::new(field, Message::new("invalid-required")))
    } else {
        Ok(())
    }
}

/// `text` may hold at most `max` characters.
pub fn at_most(field: &'static str, text: &str, max: usize) -> Result<(), Invalid> {
    let n = chars(text);
    if n > max {
        Err(Invalid::new(
            field,
            Message::new("invalid-too-long")
                .count("limit", max)
                .count("length", n),
        ))
    } else {
        Ok(())
    }
}

/// `text` must not be empty and may hold at most `max` characters.
pub fn required_at_most(field: &'static str, text: &str, max: usize) -> Result<(), Invalid> {
    required(field, text)?;
    at_most(field, text, max)
}

/// `text` must fit on one line (no line breaks or other control characters).
pub fn one_line(field: &'static str, text: &str) -> Result<(), Invalid> {
    if text.chars().any(char::is_control) {
        Err(Invalid::new(field, Message::new("invalid-one-line")))
    } else {
        Ok(())
    }
}

/// Collects refusals: every field is checked, and all of them are reported at once.
#[derive(Debug, Default)]
pub struct Refusals(Vec<Invalid>);

impl Refusals {
    /// Records `check`'s refusal, if any.
    pub fn check(&mut self, check: Result<(), Invalid>) -> &mut Self {
        if let Err(e) = check {
            self.0.push(e);
        }
        self
    }

    /// Records a refusal.
    pub fn push(&mut self, e: Invalid) -> &mut Self {
        self.0.push(e);
        self
    }

    /// Whether any field was refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every refusal, in the order recorded.
    pub fn into_vec(self) -> Vec<Invalid> {
        self.0
    }

    /// `Ok` if nothing was refused, else every refusal.
    pub fn finish(self) -> Result<(), super::ServiceError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(super::ServiceError::Invalid(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        let arabic = "ع".repeat(150);
        assert_eq!(arabic.len(), 300);
        assert!(at_most("name", &arabic, 200).is_ok());
        let e = at_most("name", &"ع".repeat(201), 200).unwrap_err();
        assert_eq!(e.field, "name");
        assert_eq!(e.message.id, "invalid-too-long");
        assert_eq!(e.to_string(), "name: invalid-too-long limit=200 length=201");
    }

    #[test]
    fn blank_is_missing_and_every_refusal_is_reported() {
        assert!(required("narrative", " \n ").is_err());
        let mut r = Refusals::default();
        r.check(required("a", ""))
            .check(one_line("b", "x\ny"))
            .check(at_most("c", "ok", 5));
        match r.finish() {
            Err(super::super::ServiceError::Invalid(v)) => {
                let fields: Vec<_> = v.iter().map(|i| i.field).collect();
                assert_eq!(fields, ["a", "b"]);
            }
            other => panic!("{other:?}"),
        }
    }
}
