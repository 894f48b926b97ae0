package dev.atoll.artifacts.s3;

import dev.atoll.artifacts.ArtifactEntry;
import dev.atoll.artifacts.ArtifactPath;
import dev.atoll.artifacts.ArtifactStore;
import dev.atoll.errors.AtollException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Artifacts in an S3-compatible object store under {@code s3://<bucket>/<prefix>}. Directories are
 * key prefixes, as in every S3 tool. A put whose length is unknown streams through a multipart
 * upload with one part buffer ({@code partSize}, at least 5 MiB, S3's minimum), so memory stays
 * bounded whatever the size; the object appears only when the upload completes, which keeps puts
 * atomic.
 */
public final class S3ArtifactStore implements ArtifactStore {
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    public S3ArtifactStore(S3Client s3, String bucket, String prefix, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + ", was " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isEmpty() ? "" : ArtifactPath.parse(prefix) + "/";
        this.partSize = partSize;
    }

    /** A client for an S3 endpoint with static keys and path-style addressing (S3Proxy, MinIO, Ceph, AWS). */
    public static S3Client client(URI endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                // Many S3-compatible servers do not know the SDK's newer default checksum headers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void put(ArtifactPath path, InputStream content) {
        String key = fileKey(path);
        try {
            byte[] first = content.readNBytes(partSize);
            if (first.length < partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(first));
                return;
            }
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            try {
                List<software.amazon.awssdk.services.s3.model.CompletedPart> parts = new ArrayList<>();
                byte[] part = first;
                for (int number = 1; part.length > 0; number++) {
                    int partNumber = number;
                    byte[] body = part;
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                            RequestBody.fromBytes(body)).eTag();
                    parts.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                    part = content.readNBytes(partSize);
                }
                s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            } catch (IOException | RuntimeException e) {
                abortQuietly(key, uploadId);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the content of artifact " + path, e);
        } catch (SdkException e) {
            throw storageFailure("store artifact " + path, e);
        }
    }

    @Override
    public InputStream open(ArtifactPath path) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(fileKey(path)));
        } catch (NoSuchKeyException e) {
            throw AtollException.notFound("Artifact '" + path + "' does not exist or is a directory.");
        } catch (SdkException e) {
            throw storageFailure("read artifact " + path, e);
        }
    }

    @Override
    public Optional<ArtifactEntry> stat(ArtifactPath path) {
        try {
            // Prefix first: S3-compatible servers on a file system (S3Proxy) stall on HEAD or DELETE
            // of a key that is also a "directory"; a prefix listing answers at once everywhere.
            if (hasObjectsBelow(path)) {
                return Optional.of(ArtifactEntry.directory(path));
            }
            if (path.isRoot()) {
                return Optional.empty();
            }
            try {
                HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(fileKey(path)));
                return Optional.of(ArtifactEntry.file(path, head.contentLength()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        } catch (SdkException e) {
            throw storageFailure("inspect artifact " + path, e);
        }
    }

    private boolean hasObjectsBelow(ArtifactPath path) {
        ListObjectsV2Response any = s3.listObjectsV2(b -> b.bucket(bucket).prefix(directoryKey(path)).maxKeys(1));
        return any.hasContents() && !any.contents().isEmpty();
    }

    @Override
    public List<ArtifactEntry> list(ArtifactPath directory) {
        String dirKey = directoryKey(directory);
        List<ArtifactEntry> entries = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(dirKey).delimiter("/").build();
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
                for (CommonPrefix common : page.commonPrefixes()) {
                    String name = common.prefix().substring(dirKey.length(), common.prefix().length() - 1);
                    child(directory, name).ifPresent(p -> entries.add(ArtifactEntry.directory(p)));
                }
                for (S3Object object : page.contents()) {
                    String name = object.key().substring(dirKey.length());
                    child(directory, name).ifPresent(p -> entries.add(ArtifactEntry.file(p, object.size())));
                }
            }
        } catch (SdkException e) {
            throw storageFailure("list artifacts under " + directory, e);
        }
        entries.sort(Comparator.comparing(entry -> entry.path().toString()));
        return entries;
    }

    /** Keys written by other tools may hold names no request could address: those are not listed. */
    private static Optional<ArtifactPath> child(ArtifactPath directory, String name) {
        if (name.isEmpty() || name.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(directory.resolve(name));
        } catch (AtollException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(ArtifactPath path) {
        try {
            boolean directory = false;
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(directoryKey(path)).build();
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
                // One by one: DeleteObjects needs a checksum header that several S3-compatible servers refuse.
                for (S3Object object : page.contents()) {
                    directory = true;
                    s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
                }
            }
            if (!directory && !path.isRoot()) {
                s3.deleteObject(b -> b.bucket(bucket).key(fileKey(path)));
            }
        } catch (SdkException e) {
            throw storageFailure("delete artifact " + path, e);
        }
    }

    @Override
    public String createMultipartUpload(ArtifactPath path) {
        try {
            return s3.createMultipartUpload(b -> b.bucket(bucket).key(fileKey(path))).uploadId();
        } catch (SdkException e) {
            throw storageFailure("start a multipart upload to " + path, e);
        }
    }

    @Override
    public String uploadPart(ArtifactPath path, String uploadId, int partNumber, InputStream content) {
        if (partNumber < 1 || partNumber > 10_000) {
            throw AtollException.invalidParameter("Invalid part_number " + partNumber + ": it must be between 1 and 10000.");
        }
        // S3 needs a part's length before its bytes; spooling to disk keeps memory flat for any part size.
        Path spool = null;
        try {
            spool = Files.createTempFile("atoll-s3-part-", ".tmp");
            Files.copy(content, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path body = spool;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(fileKey(path)).uploadId(uploadId).partNumber(partNumber),
                    RequestBody.fromFile(body)).eTag();
            return etag.replace("\"", "");
        } catch (NoSuchUploadException e) {
            throw unknownUpload(path, uploadId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool part " + partNumber + " of upload " + uploadId, e);
        } catch (SdkException e) {
            throw storageFailure("store part " + partNumber + " of upload " + uploadId, e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // the temp directory is swept by the OS
                }
            }
        }
    }

    @Override
    public void completeMultipartUpload(ArtifactPath path, String uploadId, List<CompletedPart> parts) {
        if (parts.isEmpty()) {
            throw AtollException.invalidParameter("Invalid parts: an upload needs at least one part.");
        }
        List<software.amazon.awssdk.services.s3.model.CompletedPart> s3Parts = parts.stream()
                .sorted(Comparator.comparingInt(CompletedPart::partNumber))
                .map(p -> software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                        .partNumber(p.partNumber()).eTag("\"" + p.etag() + "\"").build())
                .toList();
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(fileKey(path)).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(s3Parts).build()));
        } catch (NoSuchUploadException e) {
            throw unknownUpload(path, uploadId);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw unknownUpload(path, uploadId);
            }
            if (e.statusCode() == 400) {
                throw AtollException.invalidParameter("Invalid parts for upload " + uploadId + ": "
                        + e.awsErrorDetails().errorMessage() + ". Complete with the etags the part uploads returned.");
            }
            throw storageFailure("complete upload " + uploadId, e);
        } catch (SdkException e) {
            throw storageFailure("complete upload " + uploadId, e);
        }
    }

    @Override
    public void abortMultipartUpload(ArtifactPath path, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(fileKey(path)).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            throw unknownUpload(path, uploadId);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw unknownUpload(path, uploadId);
            }
            throw storageFailure("abort upload " + uploadId, e);
        } catch (SdkException e) {
            throw storageFailure("abort upload " + uploadId, e);
        }
    }

    private String fileKey(ArtifactPath path) {
        if (path.isRoot()) {
            throw AtollException.invalidParameter("Invalid artifact path '': a file needs a name.");
        }
        return prefix + path;
    }

    private String directoryKey(ArtifactPath path) {
        return path.isRoot() ? prefix : prefix + path + "/";
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
            // the bucket's lifecycle rule for incomplete uploads removes what is left
        }
    }

    private static AtollException unknownUpload(ArtifactPath path, String uploadId) {
        return AtollException.notFound("Upload '" + uploadId + "' to '" + path + "' does not exist (completed, aborted or never started).");
    }

    private UncheckedIOException storageFailure(String what, SdkException e) {
        return new UncheckedIOException("cannot " + what + " in s3://" + bucket + "/" + prefix + ": " + e.getMessage(),
                new IOException(e));
    }
}
