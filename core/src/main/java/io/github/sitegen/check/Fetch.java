package io.github.sitegen.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a baseline's bytes, from a file or over http(s), bounded: a download that takes longer
 * than {@code timeout} from connecting to the last byte, or anything larger than {@code maxBytes},
 * is a failure rather than a hang or a full memory.
 */
record Fetch(Duration timeout, int maxBytes) {

    /** 30 seconds and 32 MB: far more than a faq.json needs (one of 2,000 questions is about 5 MB). */
    static final Fetch DEFAULT = new Fetch(Duration.ofSeconds(30), 32 * 1024 * 1024);

    /** Why the bytes could not be read; the message continues a sentence that names the file. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    /** The file's bytes; empty when it does not exist. */
    Optional<byte[]> file(Path path) throws Failed {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw new Failed("is not a file");
            }
            if (Files.size(path) > maxBytes) {
                throw tooLarge();
            }
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new Failed("cannot be read: " + e.getMessage());
        }
    }

    /** The body of a GET of {@code url}, redirects followed (never from https to http); empty on 404 or 410. */
    Optional<byte[]> url(URI url) throws Failed {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request, info -> info.statusCode() == 200
                ? new Bounded(maxBytes) : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new Failed("did not arrive within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " seconds"
                    : timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("was not downloaded: interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw tooLarge();
            }
            throw new Failed("cannot be downloaded: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new Failed("cannot be downloaded: the server answered HTTP " + status);
        }
        return Optional.of(response.body());
    }

    private Failed tooLarge() {
        int mega = 1024 * 1024;
        return new Failed("is larger than " + (maxBytes % mega == 0 ? maxBytes / mega + " MB" : maxBytes + " bytes")
                + ", more than a faq.json can be");
    }

    /**
     * Whether {@code host} is a loopback address written as such ({@code localhost}, {@code 127.0.0.1},
     * {@code [::1]}), without asking a name server.
     */
    static boolean isLoopback(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (literal.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.contains(":")) {
            return false; // a name: looking it up could lead anywhere
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The body, failed with {@link TooLarge} as soon as it passes {@code max} bytes. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (body.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }

    /** The body passed the bound. */
    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
