//! `recourse serve`, the README's start command, as a newcomer runs it: on an empty folder it
//! creates everything and prints the address and a one-time administrator link; the link opens
//! the set-up page, where the administrator chooses a password and is signed in. Stopped before
//! anyone chose a password, the next start prints a fresh link (the old one no longer works);
//! once a password is chosen, starts print no link.

use reqwest::StatusCode;

use crate::helpers::{DataFolder, ServeProcess};
use crate::web_helpers::csrf_in;

/// A running `recourse serve` and what it printed up to "Press Ctrl-C".
struct Server(ServeProcess);

impl Server {
    fn start(data: &DataFolder) -> Server {
        Server(ServeProcess::start(data, &[]))
    }

    fn base(&self) -> String {
        self.0.base()
    }

    /// The one-time set-up link's path, if printed.
    fn link(&self) -> Option<String> {
        let printed = &self.0.printed;
        let at = printed.find("/staff/setup/")?;
        Some(printed[at..].split_whitespace().next()?.to_string())
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_on_an_empty_folder_prints_where_to_go_and_a_working_administrator_link() {
    let data = DataFolder::empty();
    let first = Server::start(&data);
    assert!(
        first.0.printed.contains("data folder:"),
        "{}",
        first.0.printed
    );
    let link = first.link().expect("a set-up link on first run");
    let base = first.base();
    let home = client().get(format!("{base}/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    let page = client().get(format!("{base}{link}")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    drop(first);

    // Nobody chose a password: the next start gives a new link, and the old one is dead.
    let second = Server::start(&data);
    let base = second.base();
    let again = second
        .link()
        .expect("a new link while no password was chosen");
    assert_ne!(again, link);
    let old = client().get(format!("{base}{link}")).send().await.unwrap();
    assert_ne!(
        old.status(),
        StatusCode::OK,
        "the first link no longer works"
    );

    let b = client();
    let form = b.get(format!("{base}{again}")).send().await.unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    let csrf = csrf_in(&form.text().await.unwrap()).expect("the set-up form's token");
    let password = "a long and private passphrase";
    let done = b
        .post(format!("{base}{again}"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", password),
            ("confirm", password),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::SEE_OTHER, "set-up completes");
    let admin = b.get(format!("{base}/staff/admin")).send().await.unwrap();
    assert_eq!(admin.status(), StatusCode::OK, "signed in as administrator");
    drop(second);

    let third = Server::start(&data);
    assert_eq!(third.link(), None, "no link once a password is chosen");
    let b = client();
    let login = b
        .get(format!("{}/staff/login", third.base()))
        .send()
        .await
        .unwrap();
    let csrf = csrf_in(&login.text().await.unwrap()).expect("the sign-in form's token");
    let signed = b
        .post(format!("{}/staff/login", third.base()))
        .form(&[
            ("csrf", csrf.as_str()),
            ("login", "admin"),
            ("password", password),
            ("next", "/staff/admin"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let admin = b
        .get(format!("{}/staff/admin", third.base()))
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status(), StatusCode::OK, "the password still works");
}
