package io.github.ucmaworkbench.rtc;

import java.util.Objects;

/** A user name and password; stands in for .NET's {@code NetworkCredential}. {@link #toString()} never shows the password. */
public final class NetworkCredential {
    private final String userName;
    private final String password;

    public NetworkCredential(String userName, String password) {
        this.userName = Objects.requireNonNull(userName, "userName");
        this.password = Objects.requireNonNull(password, "password");
    }

    public String getUserName() {
        return userName;
    }

    public String getPassword() {
        return password;
    }

    @Override
    public String toString() {
        return userName + ":****";
    }
}
