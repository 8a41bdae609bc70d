package service

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"time"
)

// LogMailer writes e-mails to the log instead of sending them (no SMTP configured). It logs the
// recipient's domain and the subject only: bodies may hold links meant for one person or a
// visitor's message, and addresses are personal data that logs keep too long.
type LogMailer struct{ Log *slog.Logger }

// Send logs the e-mail.
func (m LogMailer) Send(_ context.Context, to, subject, _ string) error {
	m.Log.Info("e-mail not sent (no SMTP configured)", "to_domain", addressDomain(to), "subject", subject)
	return nil
}

// addressDomain is the part of an address after its last @.
func addressDomain(addr string) string {
	if i := strings.LastIndex(addr, "@"); i >= 0 {
		return addr[i+1:]
	}
	return ""
}

// ReplyToMailer is a Mailer that can say where answers go (the Reply-To header).
type ReplyToMailer interface {
	SendReplyTo(ctx context.Context, to, replyTo, subject, body string) error
}

// SMTPMailer sends through an SMTP server with STARTTLS when offered.
type SMTPMailer struct {
	Host, Username, Password, From string
	Port                           int
}

// Send delivers one plain-text e-mail.
func (m SMTPMailer) Send(ctx context.Context, to, subject, body string) error {
	return m.SendReplyTo(ctx, to, "", subject, body)
}

// SendReplyTo delivers one plain-text e-mail whose answers go to replyTo (none when empty). The
// address must be a bare address: anything that could add a header is refused.
func (m SMTPMailer) SendReplyTo(ctx context.Context, to, replyTo, subject, body string) error {
	if strings.ContainsAny(to+subject+replyTo, "\r\n") {
		return fmt.Errorf("header injection refused")
	}
	headers := "From: " + m.From + "\r\nTo: " + to + "\r\n"
	if replyTo != "" {
		a, err := mail.ParseAddress(replyTo)
		if err != nil || a.Address != replyTo {
			return fmt.Errorf("reply-to refused: not a bare address")
		}
		headers += "Reply-To: " + a.Address + "\r\n"
	}
	addr := net.JoinHostPort(m.Host, strconv.Itoa(m.Port))
	var auth smtp.Auth
	if m.Username != "" {
		auth = smtp.PlainAuth("", m.Username, m.Password, m.Host)
	}
	// Subjects are in the recipient's language: non-ASCII text is encoded as RFC 2047 asks.
	msg := headers + "Subject: " + mime.QEncoding.Encode("utf-8", subject) + "\r\nDate: " + time.Now().UTC().Format(time.RFC1123Z) +
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
