package dev.atoll.project.lfs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.lfs.server.LargeFileRepository;
import org.eclipse.jgit.lfs.server.LfsProtocolServlet;
import org.eclipse.jgit.lfs.server.fs.FileLfsRepository;
import org.eclipse.jgit.lfs.server.fs.FileLfsServlet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JGit's Git LFS server (batch API + file storage servlets) on Jetty, on a free loopback port; the
 * objects land in a directory the test can inspect. Counts the batch requests it answers.
 */
final class JGitLfsServer implements AutoCloseable {
    private final Server server;
    private final FileLfsRepository repository;
    private final AtomicInteger batches = new AtomicInteger();

    JGitLfsServer(Path storage) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        server.setHandler(context);
        server.start();
        repository = new FileLfsRepository("http://127.0.0.1:" + connector.getLocalPort() + "/lfs/objects/", storage);
        context.addServlet(new ServletHolder(new FileLfsServlet(repository, 60_000)), "/lfs/objects/*");
        context.addServlet(new ServletHolder(new LfsProtocolServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws jakarta.servlet.ServletException, IOException {
                batches.incrementAndGet();
                super.doPost(request, response);
            }

            @Override
            protected LargeFileRepository getLargeFileRepository(LfsRequest request, String path, String auth) {
                return repository;
            }
        }), "/lfs/objects/batch");
    }

    URI endpoint() {
        return URI.create(repository.getUrl().replaceAll("/objects/$", ""));
    }

    Path objectFile(String oid) {
        return repository.getDir().resolve(oid.substring(0, 2)).resolve(oid.substring(2, 4)).resolve(oid);
    }

    int batches() {
        return batches.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
