package httpapi

import (
	"context"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Admission control for the heavy reads (practice search and lists, round results, the
// dashboard). Each class has a few slots; a request waits a short while for one and is otherwise
// answered at once with 503 overloaded and Retry-After. Without it, a burst queues every request
// into the pool and the deadline, and all of them fail slowly instead of a few failing fast.
// Exports have their own slots (exports.go).

// admissionRetryAfter is what a request refused at admission is told to wait, in seconds.
const admissionRetryAfter = 2

// admission is one class's counting semaphore with a bounded wait.
type admission struct {
	slots chan struct{}
	wait  time.Duration
}

func newAdmission(slots int, wait time.Duration) *admission {
	return &admission{slots: make(chan struct{}, max(1, slots)), wait: wait}
}

// enter takes a slot, waiting at most a.wait (and never past ctx), and returns the function
// that gives it back; when no slot frees up in time it returns an overloaded error.
func (a *admission) enter(ctx context.Context) (release func(), err error) {
	select {
	case a.slots <- struct{}{}:
		return a.releaser(), nil
	default:
	}
	if a.wait <= 0 {
		return nil, domain.Overloaded(admissionRetryAfter)
	}
	t := time.NewTimer(a.wait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return a.releaser(), nil
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, domain.Overloaded(admissionRetryAfter)
}

func (a *admission) releaser() func() {
	var once sync.Once
	return func() { once.Do(func() { <-a.slots }) }
}

// heavyClasses are the admission classes of one server.
type heavyClasses struct {
	search    *admission // practice search and lists, the public catalogue
	results   *admission // round results
	dashboard *admission // programme dashboard
}

func newHeavyClasses(slots int, wait time.Duration) heavyClasses {
	return heavyClasses{search: newAdmission(slots, wait), results: newAdmission(slots, wait), dashboard: newAdmission(slots, wait)}
}

// admit is the middleware that runs the rest of the request inside one of a's slots.
func admit(a *admission) fiber.Handler {
	return func(c *fiber.Ctx) error {
		release, err := a.enter(c.UserContext())
		if err != nil {
			return err
		}
		defer release()
		return c.Next()
	}
}
