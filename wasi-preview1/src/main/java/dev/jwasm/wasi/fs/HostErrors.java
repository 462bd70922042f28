package dev.jwasm.wasi.fs;

import dev.jwasm.wasi.abi.Errno;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;

/** Maps host exceptions to the nearest WASI errno. */
public final class HostErrors {
    private HostErrors() {
    }

    public static int errno(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.NOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            return Errno.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return Errno.NOTEMPTY;
        } else if (e instanceof NotDirectoryException) {
            return Errno.NOTDIR;
        } else if (e instanceof AccessDeniedException) {
            return Errno.ACCES;
        } else if (e instanceof FileSystemLoopException) {
            return Errno.LOOP;
        } else if (e instanceof NotLinkException) {
            return Errno.INVAL;
        } else if (e instanceof ClosedChannelException) {
            return Errno.BADF;
        } else if (e instanceof BindException) {
            return Errno.ADDRINUSE;
        } else if (e instanceof ConnectException) {
            return Errno.CONNREFUSED;
        } else if (e instanceof FileSystemException fse) {
            return fromReason(fse.getReason());
        }
        return fromReason(e.getMessage());
    }

    public static int errno(RuntimeException e) {
        if (e instanceof ReadOnlyFileSystemException) {
            return Errno.ROFS;
        } else if (e instanceof UnsupportedOperationException) {
            return Errno.NOTSUP;
        } else if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException) {
            return Errno.BADF;
        } else if (e instanceof SecurityException) {
            return Errno.ACCES;
        }
        return Errno.IO;
    }

    // Some providers only tell the cause in the message (strerror text on the default file system).
    private static int fromReason(String reason) {
        if (reason == null) {
            return Errno.IO;
        }
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("not a directory")) {
            return Errno.NOTDIR;
        } else if (r.contains("is a directory")) {
            return Errno.ISDIR;
        } else if (r.contains("too many levels of symbolic links")) {
            return Errno.LOOP;
        } else if (r.contains("directory not empty")) {
            return Errno.NOTEMPTY;
        } else if (r.contains("read-only file system")) {
            return Errno.ROFS;
        } else if (r.contains("no space left")) {
            return Errno.NOSPC;
        } else if (r.contains("file name too long")) {
            return Errno.NAMETOOLONG;
        } else if (r.contains("invalid cross-device link")) {
            return Errno.XDEV;
        } else if (r.contains("broken pipe")) {
            return Errno.PIPE;
        } else if (r.contains("connection reset")) {
            return Errno.CONNRESET;
        } else if (r.contains("permission denied")) {
            return Errno.ACCES;
        }
        return Errno.IO;
    }
}
