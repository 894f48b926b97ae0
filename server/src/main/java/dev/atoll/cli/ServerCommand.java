package dev.atoll.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the HTTP server lands: {@code atoll server}. */
@Command(name = "server", description = "Run the tracking server (MLflow REST API) on this machine.")
public final class ServerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("server not wired yet");
    }
}
