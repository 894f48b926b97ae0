package dev.atoll.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one kept-alive socket, requests written as prepared bytes,
 * responses read by Content-Length. The JDK's HttpClient costs several times the server's own CPU
 * per request, and on two cores the client shares the machine with the server: like wrk or ab,
 * this keeps the figure about the server.
 */
final class LoadClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    LoadClient(String host, int port) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.host = host + ":" + port;
    }

    /** The bytes of a POST with a JSON body, built once and sent many times. */
    byte[] post(String path, byte[] body) {
        byte[] head = String.format(Locale.ROOT, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
                + "Content-Length: %d\r\n\r\n", path, host, body.length).getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** The bytes of a GET. */
    byte[] get(String pathAndQuery) {
        return String.format(Locale.ROOT, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", pathAndQuery, host)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a prepared request and returns the response body; fails on any status but 200. */
    byte[] send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunked() : in.readNBytes((int) length);
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException(status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return body;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toByteArray();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
