package dev.atoll.artifacts;

import dev.atoll.errors.AtollException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code mlflow-artifacts:} URIs that runs carry when the server proxies artifacts:
 * {@code mlflow-artifacts:/<experiment>/<run>/artifacts}. Clients send the part after the scheme to
 * {@code /api/2.0/mlflow-artifacts/artifacts/}, so the path of the URI is the path in the store.
 */
public final class ArtifactUris {
    public static final String SCHEME = "mlflow-artifacts";

    private ArtifactUris() {
    }

    /**
     * The artifact URI of a new run: {@code mlflow-artifacts:/<experiment>/<run>/artifacts}, the form
     * the tracking store gives runs of experiments with the default location {@code mlflow-artifacts:/<id>}.
     */
    public static String runUri(String experimentId, String runId) {
        return SCHEME + ":/" + ArtifactPath.parse(experimentId).resolve(runId).resolve("artifacts");
    }

    /**
     * The store path an {@code mlflow-artifacts:} URI names ({@code mlflow-artifacts:/a/b} or
     * {@code mlflow-artifacts://host:port/a/b}); INVALID_PARAMETER_VALUE for any other URI, which this
     * server does not proxy.
     */
    public static ArtifactPath storePath(String artifactUri) {
        URI uri;
        try {
            uri = new URI(artifactUri);
        } catch (URISyntaxException | NullPointerException e) {
            throw AtollException.invalidParameter("Invalid artifact URI '" + artifactUri + "': it is not a URI.");
        }
        if (!SCHEME.equals(uri.getScheme())) {
            throw AtollException.invalidParameter("Artifact URI '" + artifactUri + "' is not served by this server: only "
                    + SCHEME + ":/ URIs are proxied. Read it with a client that has access to that store.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return ArtifactPath.parse(path.startsWith("/") ? path.substring(1) : path);
    }
}
