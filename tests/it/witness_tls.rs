//! A witness reached over HTTPS, as real processes: a `recourse witness serve` behind a TLS
//! proxy (rustls, with a certificate from a test CA made here), and a `recourse serve` that
//! trusts that CA (`SSL_CERT_FILE`) and is told `--witness https://localhost:PORT=VKEY`. The
//! witness cosigns the latest checkpoint and `verify --quorum 1` passes. A second witness
//! behind a proxy whose certificate comes from a CA the log does not trust is never asked
//! successfully: its status names the TLS failure, and nothing of it is stored.

use std::sync::Arc;
use std::time::{Duration, Instant};

use recourse_events::checkpoint::NoteVerifier;
use recourse_events::cosignature::WitnessVerifier;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::helpers::text;
use crate::witness_log::{
    Process, demo_log, file_complaints, healthz, ledger_entries, recourse, wait_cosigned,
    witness_init, witness_serve,
};

/// A CA named `name`, and a server certificate for `localhost` it signed: (CA PEM, leaf DER,
/// leaf key DER).
fn ca_and_leaf(name: &str) -> (String, CertificateDer<'static>, PrivateKeyDer<'static>) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(rcgen::DnType::CommonName, name);
    let ca_key = KeyPair::generate().unwrap();
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let leaf = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf_cert = leaf.signed_by(&leaf_key, &issuer).unwrap();
    (
        ca_cert.pem(),
        leaf_cert.der().clone(),
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
    )
}

/// A TLS-terminating proxy on a free port of 127.0.0.1 in front of `upstream` (`host:port`),
/// serving `cert`: its port.
async fn tls_proxy(
    upstream: String,
    cert: CertificateDer<'static>,
    key: PrivateKeyDer<'static>,
) -> u16 {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let (acceptor, upstream) = (acceptor.clone(), upstream.clone());
            tokio::spawn(async move {
                // A client that refuses the certificate ends the handshake: nothing to relay.
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut plain) = tokio::net::TcpStream::connect(&upstream).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_witness_behind_https_cosigns_and_one_with_an_untrusted_certificate_is_refused() {
    let (folder, log_vkey) = demo_log(2);
    let log = NoteVerifier::parse(&log_vkey).unwrap();

    let (trusted_dir, trusted_path, trusted_vkey) = witness_init("witness.test/tls");
    let (other_dir, other_path, other_vkey) = witness_init("witness.test/untrusted");
    let trusted = witness_serve(&trusted_path, &log_vkey);
    let other = witness_serve(&other_path, &log_vkey);
    let upstream = |p: &Process| p.base().trim_start_matches("http://").to_string();

    let (ca_pem, cert, key) = ca_and_leaf("Recourse test CA");
    let good_port = tls_proxy(upstream(&trusted), cert, key).await;
    let (_, stranger_cert, stranger_key) = ca_and_leaf("A CA the log does not know");
    let bad_port = tls_proxy(upstream(&other), stranger_cert, stranger_key).await;
    let ca_file = trusted_dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca_pem).unwrap();

    let mut cmd = recourse();
    cmd.env("SSL_CERT_FILE", &ca_file)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--limits",
            "100000,100000,100000",
        ])
        .arg("--witness")
        .arg(format!("https://localhost:{good_port}={trusted_vkey}"))
        .arg("--witness")
        .arg(format!("https://localhost:{bad_port}/={other_vkey}"))
        .arg("--data")
        .arg(&folder.path);
    let log_server = Process::start(cmd);
    let base = log_server.base();

    file_complaints(&base, 2, 0).await;
    let filed = Instant::now();
    let verifiers = vec![
        WitnessVerifier::parse(&trusted_vkey).unwrap(),
        WitnessVerifier::parse(&other_vkey).unwrap(),
    ];
    let size = wait_cosigned(&base, &log, &verifiers, &["witness.test/tls"]).await;
    assert_eq!(size, ledger_entries(&base).await);
    // A measurement, not an assertion.
    eprintln!(
        "the HTTPS witness cosigned the checkpoint of {size} entries {:?} after the last filing",
        filed.elapsed()
    );

    // The untrusted one: its status says why, and it never cosigned.
    let deadline = Instant::now() + Duration::from_secs(60);
    let refused = loop {
        let health = healthz(&base).await;
        let w = health["witnesses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["name"] == "witness.test/untrusted")
            .cloned()
            .expect("listed");
        if w["error"].is_string() {
            break w;
        }
        assert!(Instant::now() < deadline, "no error shown: {w}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let why = refused["error"].as_str().unwrap();
    eprintln!("the untrusted witness's status: {why}");
    assert!(why.contains("certificate is not trusted"), "{why}");
    assert!(refused["cosigned_size"].is_null(), "{refused}");
    assert_eq!(refused["problem"], "tls", "{refused}");

    let out = folder.run(&["verify", "--witness", &trusted_vkey, "--quorum", "1"]);
    assert!(
        out.status.success(),
        "verify --quorum 1: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let out = folder.run(&["verify", "--witness", &other_vkey]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    drop((log_server, trusted, other, other_dir));
}
