package com.tracklane.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the service and its database, which a test can cut and restore: a database outage without
 * touching the database. While cut, every open connection is closed at once (the driver sees a broken connection)
 * and every new one is accepted and closed immediately (the driver sees it fail at once, no timeout to wait for).
 * Plain Java, one thread per direction per connection; for tests only.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private TcpProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free port of 127.0.0.1 and forwards to {@code targetHost:targetPort}. */
    public static TcpProxy start(String targetHost, int targetPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        TcpProxy proxy = new TcpProxy(server, targetHost, targetPort);
        Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The database goes away: open connections are closed, new ones fail at once. */
    public void cut() {
        cut.set(true);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** The database is back. */
    public void restore() {
        cut.set(false);
    }

    public boolean isCut() {
        return cut.get();
    }

    /** Connections forwarded so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections refused while cut. */
    public int refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut.get()) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            Socket upstream;
            try {
                upstream = new Socket(targetHost, targetPort);
                upstream.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            if (cut.get()) { // cut while this one was being connected: cut() may have missed it
                refused.incrementAndGet();
                closeQuietly(client);
                closeQuietly(upstream);
                sockets.remove(client);
                sockets.remove(upstream);
                continue;
            }
            accepted.incrementAndGet();
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (cut.get()) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed.set(true);
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
