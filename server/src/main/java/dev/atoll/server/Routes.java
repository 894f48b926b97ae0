package dev.atoll.server;

import io.javalin.Javalin;

/** A group of HTTP routes for one feature; each handler parses, makes one core call, and maps back. */
public interface Routes {
    void addTo(Javalin app);
}
