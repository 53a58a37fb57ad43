package io.tumorboard.board.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Run by the {@code -Pdemo} build before it starts the workbench: fails with a plain message naming the stage,
 * the port and what to do when the port is taken, instead of a Spring Boot stack trace after a minute of start-up.
 */
public final class DemoPortCheck {

    private DemoPortCheck() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String problem = problem(port);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        System.out.println("[demo board-ui] port " + port + " is free; starting the workbench (takes 20-60 s)...");
    }

    /** Null when the port can be bound on every interface, else what to tell the person. */
    static String problem(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return null;
        } catch (IOException e) {
            return "demo stage board-ui: port " + port + " is already in use (" + e.getMessage() + "), perhaps by "
                    + "a workbench started earlier. Stop that process, or choose another port: "
                    + "./mvnw -B -Pdemo install -DskipTests -Ddemo.port=8081";
        }
    }
}
