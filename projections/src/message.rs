//! Messages for people, by id: the domain and the application say *which* message (a Fluent
//! id in `locales/<lang>/*.ftl`) with its arguments, and each door translates it: pages in the
//! visitor's language, the API in English beside the id. Nothing below the web layer writes a
//! sentence a person reads.

/// A message id with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The Fluent message id.
    pub id: &'static str,
    /// Named arguments (`{ $name }` in the message).
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument's value: a number (which a message may select plural forms on) or a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A count or limit.
    Number(i64),
    /// A text (a date, a name, an id).
    Text(String),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Text(t) => f.write_str(t),
        }
    }
}

impl Message {
    /// The message `id`, without arguments.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the text argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Message {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds the number argument `name` (saturating past `i64::MAX`).
    pub fn count(mut self, name: &'static str, n: impl TryInto<i64>) -> Message {
        self.args
            .push((name, Arg::Number(n.try_into().unwrap_or(i64::MAX))));
        self
    }
}

impl std::fmt::Display for Message {
    /// The id and its arguments (for logs and tests; people see the translation).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)?;
        for (k, v) in &self.args {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}
