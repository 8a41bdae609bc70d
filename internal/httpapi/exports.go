package httpapi

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/service"
)

// An export is produced in two steps so that no database connection ever waits on a client:
// the service's writer runs the queries into a spool file at disk speed (the connection goes
// back to the pool when the spool is complete), then the file is sent at whatever pace the
// client reads. A per-instance number of slots bounds the exports in flight, spooling or
// sending, and with it the connections, disk and file descriptors they take.

const (
	// spoolTimeout bounds the queries of one export; it is longer than a request's deadline
	// because a whole programme is read, but the slots keep the connections it takes few.
	spoolTimeout = 5 * time.Minute
	// exportRetryAfter is what a refused export is told to wait, in seconds.
	exportRetryAfter = 10
)

// exportSlots is a counting semaphore; a slot is taken without waiting, or not at all.
type exportSlots chan struct{}

// take returns the function that gives the slot back, or a too_many_exports error when every
// slot is busy.
func (s exportSlots) take() (release func(), err error) {
	select {
	case s <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-s }) }, nil
	default:
		return nil, &domain.Error{Code: domain.CodeTooManyExports, RetryAfter: exportRetryAfter,
			Message: "Too many exports are being prepared on this server; try again shortly."}
	}
}

// sendExport spools the export w, then sends the file. Permission was checked when w was made.
// Until the spool is complete nothing has been sent, so a failure (503 for a database outage)
// is an ordinary problem+json answer rather than a truncated file.
func (s *Server) sendExport(c *fiber.Ctx, contentType, filename string, w service.Writer) error {
	release, err := s.exportSlots.take()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.UserContext()), spoolTimeout)
	defer cancel()
	f, size, err := spool(ctx, s.opts.SpoolDir, w)
	if err != nil {
		release()
		return err
	}
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, filename))
	c.Set(fiber.HeaderCacheControl, "no-store")
	// The server closes the stream once the body is sent or the connection is gone, which
	// closes the file and gives the slot back.
	return c.SendStream(&spooledExport{f: f, release: release}, int(size))
}

// spool runs w into a temporary file and returns it rewound, with its size. The file is unlinked
// as soon as it is created: it lives only as long as the open descriptor, so neither an error
// nor a crash leaves anything behind.
func spool(ctx context.Context, dir string, w service.Writer) (*os.File, int64, error) {
	f, err := os.CreateTemp(dir, "peerbridge-export-*")
	if err != nil {
		return nil, 0, fmt.Errorf("create export spool: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("unlink export spool: %w", err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := w(ctx, bw); err != nil {
		f.Close()
		return nil, 0, err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("write export spool: %w", err)
	}
	size, err := f.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("rewind export spool: %w", err)
	}
	return f, size, nil
}

// spooledExport is the response body: the spool file, and the slot it holds until closed.
type spooledExport struct {
	f       *os.File
	release func()
}

func (e *spooledExport) Read(p []byte) (int, error) { return e.f.Read(p) }

func (e *spooledExport) Close() error {
	err := e.f.Close()
	e.release()
	return err
}
