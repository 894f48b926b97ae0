package dev.atoll.registry.store.jdbc;

import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;

import java.sql.SQLException;

/** A database failure: INTERNAL_ERROR with the operation and the driver's message. */
final class JdbcRegistryException extends AtollException {
    JdbcRegistryException(String what, SQLException cause) {
        super(ErrorCode.INTERNAL_ERROR, what + ": " + cause.getMessage(), cause);
    }
}
