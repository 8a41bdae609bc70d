package service

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"strconv"
	"strings"
	"time"
)

// LogMailer writes e-mails to the log instead of sending them (no SMTP configured). It logs the
// recipient and subject only: bodies may hold links meant for one person.
type LogMailer struct{ Log *slog.Logger }

// Send logs the e-mail.
func (m LogMailer) Send(_ context.Context, to, subject, _ string) error {
	m.Log.Info("e-mail not sent (no SMTP configured)", "to", to, "subject", subject)
	return nil
}

// SMTPMailer sends through an SMTP server with STARTTLS when offered.
type SMTPMailer struct {
	Host, Username, Password, From string
	Port                           int
}

// Send delivers one plain-text e-mail.
func (m SMTPMailer) Send(ctx context.Context, to, subject, body string) error {
	if strings.ContainsAny(to+subject, "\r\n") {
		return fmt.Errorf("header injection refused")
	}
	addr := net.JoinHostPort(m.Host, strconv.Itoa(m.Port))
	var auth smtp.Auth
	if m.Username != "" {
		auth = smtp.PlainAuth("", m.Username, m.Password, m.Host)
	}
	// Subjects are in the recipient's language: non-ASCII text is encoded as RFC 2047 asks.
	msg := "From: " + m.From + "\r\nTo: " + to + "\r\nSubject: " + mime.QEncoding.Encode("utf-8", subject) + "\r\nDate: " + time.Now().UTC().Format(time.RFC1123Z) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n")
	done := make(chan error, 1)
	go func() { done <- smtp.SendMail(addr, auth, extractAddress(m.From), []string{to}, []byte(msg)) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func extractAddress(from string) string {
	if i := strings.LastIndex(from, "<"); i >= 0 {
		return strings.TrimSuffix(from[i+1:], ">")
	}
	return from
}
