package dev.atoll.modules.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.atoll.errors.AtollException;
import dev.atoll.errors.ErrorCode;
import dev.atoll.modules.ImagePublisher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Builds and pushes module images through a Docker engine's API (docker-java). */
public final class DockerImagePublisher implements ImagePublisher, AutoCloseable {
    private final DockerClient docker;
    private final String host;
    private final String buildNetwork;

    /** {@code host} as Docker writes it: {@code unix:///var/run/docker.sock} or {@code tcp://host:2375}. */
    public DockerImagePublisher(String host) {
        this(host, "default");
    }

    /**
     * {@code buildNetwork} is the network {@code RUN} steps get: {@code default} lets {@code pip install}
     * reach a package index; {@code none} builds offline (enough when requirements.txt lists nothing).
     */
    public DockerImagePublisher(String host, String buildNetwork) {
        this.host = host;
        this.buildNetwork = buildNetwork;
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofMinutes(30))
                .build();
        docker = DockerClientImpl.getInstance(config, http);
    }

    public DockerClient client() {
        return docker;
    }

    @Override
    public String buildAndPush(Path context, String reference, Consumer<String> progress) {
        ping();
        String imageId;
        try {
            imageId = docker.buildImageCmd(context.toFile())
                    .withTags(Set.of(reference))
                    .withPull(false)
                    .withNoCache(false)
                    .withNetworkMode(buildNetwork)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null && !item.getStream().isBlank()) {
                                progress.accept(item.getStream().stripTrailing());
                            }
                            super.onNext(item);
                        }
                    }).awaitImageId();
        } catch (DockerClientException | DockerException e) {
            throw new AtollException(ErrorCode.INVALID_STATE, "docker build of " + reference + " failed: " + e.getMessage()
                    + " — fix the step shown above (requirements, base image, files) and publish again", e);
        }
        progress.accept("built " + imageId + ", pushing " + reference);
        AtomicReference<String> pushError = new AtomicReference<>();
        try {
            docker.pushImageCmd(reference).exec(new ResultCallback.Adapter<PushResponseItem>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.getErrorDetail() != null) {
                        pushError.set(item.getErrorDetail().getMessage());
                    } else if (item.getStatus() != null && item.getId() == null) {
                        progress.accept(item.getStatus());
                    }
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtollException(ErrorCode.INTERNAL_ERROR, "interrupted while pushing " + reference, e);
        } catch (DockerException | DockerClientException e) {
            pushError.compareAndSet(null, e.getMessage());
        }
        if (pushError.get() != null) {
            throw new AtollException(ErrorCode.INVALID_STATE, "docker push of " + reference + " failed: " + pushError.get()
                    + " — check that the registry is reachable from the Docker engine and that you may push to it");
        }
        return digest(reference);
    }

    /** The registry's manifest digest, as the engine recorded it after the push. */
    private String digest(String reference) {
        InspectImageResponse image = docker.inspectImageCmd(reference).exec();
        String repository = reference.substring(0, reference.lastIndexOf(':'));
        List<String> repoDigests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
        return repoDigests.stream().filter(d -> d.startsWith(repository + "@")).map(d -> d.substring(d.indexOf('@') + 1)).findFirst()
                .orElseThrow(() -> new AtollException(ErrorCode.INVALID_STATE, "the engine reports no registry digest for " + reference
                        + " after the push (repo digests: " + repoDigests + ") — push it again"));
    }

    private void ping() {
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new AtollException(ErrorCode.TEMPORARILY_UNAVAILABLE, "no Docker engine answers at " + host + " (" + e.getMessage()
                    + ") — start dockerd or pass --docker-host");
        }
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
