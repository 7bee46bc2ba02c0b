package cn.propertycompliance.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between the service and its database that a test can cut and restore, to stage real outages without
 * Docker. Two kinds: {@link Fault#RESET} — every connection is reset and new ones are refused at once (a database
 * restart, a failover); {@link Fault#BLACKHOLE} — connections stay open but nothing gets through and new ones are
 * never answered (a dead network or a frozen server: the kind that hangs clients). Restoring after a blackhole resets
 * the held connections, as a healed network finds the server has dropped them.
 */
public final class TcpProxy implements AutoCloseable {

    public enum Fault { RESET, BLACKHOLE }

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Fault fault;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::acceptLoop);
    }

    /** A proxy in front of the database of a JDBC URL, and that URL pointed at the proxy. */
    public static TcpProxy inFrontOf(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalArgumentException("no host:port in " + jdbcUrl);
        }
        return new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
    }

    public String rewrite(String jdbcUrl) {
        return HOST_PORT.matcher(jdbcUrl).replaceFirst("//127.0.0.1:" + server.getLocalPort() + "/");
    }

    public void cut(Fault kind) {
        fault = kind;
        if (kind == Fault.RESET) {
            resetAll();
        }
    }

    public void restore() {
        Fault was = fault;
        fault = null;
        if (was == Fault.BLACKHOLE) {
            resetAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            Fault f = fault;
            if (f == Fault.RESET) {
                reset(client);
                continue;
            }
            sockets.add(client);
            if (f == Fault.BLACKHOLE) {
                continue; // held open, never answered
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        threads.submit(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (fault == Fault.BLACKHOLE) {
                        continue; // swallowed
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side is gone
            } finally {
                reset(from);
                reset(to);
            }
        });
    }

    private void resetAll() {
        sockets.forEach(this::reset);
    }

    private void reset(Socket s) {
        sockets.remove(s);
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        resetAll();
        threads.shutdownNow();
    }
}
