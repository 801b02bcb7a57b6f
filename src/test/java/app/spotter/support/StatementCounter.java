package app.spotter.support;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the calling thread prepares, for tests that assert what an operation costs the
 * database (no pg_stat_statements needed): the embedded pool's underlying DataSource is wrapped before the pool
 * starts, and every {@code prepareStatement}, {@code prepareCall} and {@code createStatement} on one of its
 * connections counts for the thread that made it. Statements of other threads (the scheduler's polling) do not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[2]);

    /** What some work cost this thread: statements prepared, and rows read from their results. */
    public record Cost(long statements, long rows) {}
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

    private static final java.util.concurrent.atomic.AtomicLong ALL = new java.util.concurrent.atomic.AtomicLong();

    /** Statements prepared by every thread so far (the scheduler's polling and workers included). */
    public static long allThreads() {
        return ALL.get();
    }

    /** The statements this thread prepared, and the rows it read, while {@code work} ran. */
    public static Cost measure(Runnable work) {
        long statements = COUNT.get()[0];
        long rows = COUNT.get()[1];
        work.run();
        return new Cost(COUNT.get()[0] - statements, COUNT.get()[1] - rows);
    }

    @org.springframework.context.annotation.Bean
    static BeanPostProcessor statementCountingPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getDataSource() != null && !pool.isRunning()) {
                    pool.setDataSource(counting(pool.getDataSource()));
                }
                return bean;
            }
        };
    }

    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection && method.getName().equals("getConnection")) {
                        return wrap(Connection.class, connection, (m, r) -> {
                            if (STATEMENTS.contains(m.getName())) {
                                COUNT.get()[0]++;
                                ALL.incrementAndGet();
                                return r instanceof PreparedStatement ps && !(r instanceof CallableStatement)
                                        ? wrap(PreparedStatement.class, ps, StatementCounter::rows)
                                        : r;
                            }
                            return r;
                        });
                    }
                    return result;
                });
    }

    private static Object rows(java.lang.reflect.Method m, Object r) {
        if (r instanceof ResultSet rs) {
            return wrap(ResultSet.class, rs, (rm, next) -> {
                if (rm.getName().equals("next") && Boolean.TRUE.equals(next)) {
                    COUNT.get()[1]++;
                }
                return next;
            });
        }
        return r;
    }

    private interface After {
        Object apply(java.lang.reflect.Method method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, m, a) -> {
            if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                return invoke(target, m, a);
            }
            return after.apply(m, invoke(target, m, a));
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
