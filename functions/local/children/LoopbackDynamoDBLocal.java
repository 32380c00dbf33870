import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local bound to the loopback interface, and stopping with the process that started it.
 * DynamoDB Local has `-port` but no option for the address: its Jetty server listens on every interface,
 * so anyone on the network could read and write the tables without credentials. This launcher builds the
 * server from the same command line as DynamoDB Local's own main class, sets the host of its Jetty
 * connector to 127.0.0.1 before it starts, and exits when its parent process exits (even by SIGKILL).
 * Compiled once into the DynamoDB Local cache by functions/local/dynamodb-loopback.ts.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    if (proxy == null) System.exit(2);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    watchParent();
    proxy.start();
  }

  /**
   * A daemon thread that polls the parent once a second. Not `parent.onExit()`: for a process that is not
   * our child the JDK waits for it in a way that cost DynamoDB Local most of its throughput (the benchmark
   * went from ~120 to 0-5 requests per second).
   */
  private static void watchParent() {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent == null) return;
    Thread watcher =
        new Thread(
            () -> {
              while (parent.isAlive()) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.exit(0);
            },
            "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}
