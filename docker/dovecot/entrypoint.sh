#!/bin/sh
# Creates the lab's self-signed certificate once (shared with the app through the lab-tls
# volume as its CA file), then runs Dovecot in the foreground.
set -eu
tls=/etc/dovecot/tls
if [ ! -s "$tls/cert.pem" ] || [ ! -s "$tls/key.pem" ]; then
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=mail.test" \
    -addext "subjectAltName=DNS:dovecot,DNS:mail.test,DNS:localhost,IP:127.0.0.1" \
    -keyout "$tls/key.pem" -out "$tls/cert.pem"
  chmod 600 "$tls/key.pem"
  chmod 644 "$tls/cert.pem"
fi
chown vmail:vmail /srv/mail /srv/home
exec dovecot -F -c /etc/dovecot/dovecot.conf
