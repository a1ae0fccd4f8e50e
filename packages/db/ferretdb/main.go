// Command nct-ferretdb runs FerretDB v1 (MongoDB wire protocol over SQLite) as the
// platform's embedded default database. It uses FerretDB's embeddable package, so the
// binary is built from the Go module proxy alone (see packages/db/README.md).
//
// Usage: nct-ferretdb -listen 127.0.0.1:27017 -sqlite-dir ./.data/db
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (keep it on loopback)")
	handler := flag.String("handler", "sqlite", "storage backend: sqlite or postgresql")
	dir := flag.String("sqlite-dir", ".data/db", "directory holding the SQLite database files (sqlite handler)")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL connection string (postgresql handler)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		fail(err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  *handler,
	}
	switch *handler {
	case "sqlite":
		config.SQLiteURL = "file:" + abs + "/"
	case "postgresql":
		config.PostgreSQLURL = *pgURL
	default:
		fail(fmt.Errorf("unknown handler %q", *handler))
	}
	f, err := ferretdb.New(config)
	if err != nil {
		fail(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// MongoDBURI blocks until the listener is bound, so this line means "ready".
	fmt.Printf("READY %s\n", f.MongoDBURI())
	<-done
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "nct-ferretdb:", err)
	os.Exit(1)
}
