package dev.atoll.modules.docker;

/** Prepares the Docker engine and base image by hand (e.g. to warm the cache): prints the engine's host. */
public final class DockerEngineMain {
    private DockerEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        DockerEngine.start();
        System.out.printf("engine %s ready with %s in %.1f s%n", DockerEngine.host(), DockerEngine.BASE_IMAGE, (System.nanoTime() - start) / 1e9);
    }
}
