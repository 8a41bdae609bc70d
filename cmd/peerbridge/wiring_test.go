package main

import (
	"reflect"
	"testing"

	"github.com/peerbridge/peerbridge/internal/postgres"
)

// A store interface added to service.Stores but forgotten here would be a nil field, and the
// first use case to call it would panic.
func TestStoresWiresEveryInterface(t *testing.T) {
	store := postgres.NewStore(nil)
	v := reflect.ValueOf(stores(store))
	for i := range v.NumField() {
		if v.Field(i).IsNil() {
			t.Errorf("service.Stores.%s is not wired", v.Type().Field(i).Name)
		}
	}
}
