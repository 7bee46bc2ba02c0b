package cn.propertycompliance.decisions;

/** The database did not answer a read within the configured bound (503); nothing was recorded. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
