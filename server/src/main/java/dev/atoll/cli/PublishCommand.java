package dev.atoll.cli;

import dev.atoll.modules.ModuleCatalogue;
import dev.atoll.modules.ModulePublisher;
import dev.atoll.modules.ModuleVersion;
import dev.atoll.modules.PublishRequest;
import dev.atoll.modules.docker.DockerImagePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code atoll publish}: validate, build and push the module image, record the version in the catalogue. */
@Command(name = "publish", description = "Validate a code module, build and push its image, and record the version in the module catalogue.")
public final class PublishCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "The code module's directory (default: current directory).")
    Path dir;

    @Option(names = "--version", required = true, description = "the version to publish, e.g. 1.0.0 (becomes the image tag)")
    String version;

    @Option(names = "--registry", required = true, defaultValue = "${env:ATOLL_REGISTRY}",
            description = "image registry host[:port][/namespace] (env ATOLL_REGISTRY)")
    String registry;

    @Option(names = "--base-image", defaultValue = "${env:ATOLL_BASE_IMAGE:-" + PublishRequest.DEFAULT_BASE_IMAGE + "}",
            description = "image the module image is built on; it must have python3 (and pip if requirements.txt lists packages) (default: ${DEFAULT-VALUE})")
    String baseImage;

    @Option(names = "--docker-host", defaultValue = "${env:DOCKER_HOST:-unix:///var/run/docker.sock}",
            description = "Docker engine to build with (env DOCKER_HOST; default: ${DEFAULT-VALUE})")
    String dockerHost;

    @Option(names = "--build-network", defaultValue = "default",
            description = "network of the image build's RUN steps: default (pip can reach its index) or none (offline) (default: ${DEFAULT-VALUE})")
    String buildNetwork;

    @Mixin
    ModulesCommand.CatalogueOptions store;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (DockerImagePublisher docker = new DockerImagePublisher(dockerHost, buildNetwork)) {
            ModulePublisher.Published published = store.withCatalogue(true, catalogue -> new ModulePublisher(docker, catalogue, Clock.systemUTC())
                    .publish(new PublishRequest(dir, version, registry, baseImage, store.user), line -> {
                        out.println(line);
                        out.flush();
                    }));
            ModuleVersion v = published.version();
            out.printf("%s %s (%s, %s) image %s@%s, commit %s%n",
                    published.outcome() == ModuleCatalogue.Recorded.CREATED ? "published" : "already published",
                    v.coordinates(), v.type().decorator(), v.visibility(), v.image(), v.imageDigest(), v.gitCommit());
            return ExitCodes.OK;
        }
    }
}
