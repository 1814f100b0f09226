package io.github.ucmaworkbench.lessons.exercise;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses homework that could end or escape the workbench before it runs: a call to
 * {@code System.exit}, {@code Runtime.exit}/{@code halt}, starting processes, or the reflection
 * that would reach them indirectly.
 *
 * <p>Why the compiled class and not the source: every call, whatever its spelling (a static
 * import, {@code System::exit}, unicode escapes, a comment trick), ends up as a method reference
 * in the class file's constant pool, named by its real owner. A source search can be fooled; a
 * SecurityManager is deprecated since Java 17 and needs a JVM flag. A class-file check needs
 * neither.
 */
public final class ForbiddenCalls {
    private static final Set<String> FORBIDDEN = Set.of(
            "java/lang/System.exit", "java/lang/Runtime.exit", "java/lang/Runtime.halt", "java/lang/Runtime.exec",
            "java/lang/ProcessBuilder.<init>", "java/lang/ProcessBuilder.start",
            "java/lang/Class.forName", "java/lang/Class.getMethod", "java/lang/Class.getDeclaredMethod",
            "java/lang/Class.getMethods", "java/lang/Class.getDeclaredMethods",
            "java/lang/ClassLoader.loadClass", "java/lang/invoke/MethodHandles$Lookup.findStatic",
            "java/lang/invoke/MethodHandles$Lookup.findVirtual", "java/lang/Thread.stop");

    private ForbiddenCalls() {
    }

    /** Every forbidden call in {@code classes}, as {@code System.exit}; empty when none. */
    public static List<String> find(Map<String, byte[]> classes) {
        Set<String> found = new TreeSet<>();
        for (byte[] bytes : classes.values()) {
            try {
                for (String ref : methodReferences(bytes)) {
                    if (FORBIDDEN.contains(ref)) {
                        String owner = ref.substring(0, ref.indexOf('.'));
                        found.add(owner.substring(owner.lastIndexOf('/') + 1) + ref.substring(ref.indexOf('.')));
                    }
                }
            } catch (IOException e) {
                found.add("(a class that could not be read: " + e.getMessage() + ")");
            }
        }
        return new ArrayList<>(found);
    }

    /** {@code owner.name} of every Methodref and InterfaceMethodref in the constant pool (JVMS 4.4). */
    static List<String> methodReferences(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[][] refs = new int[count][];
        int[] nameAndTypeNames = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 17, 18 -> in.readInt();
                case 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> {
                    nameAndTypeNames[i] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        List<String> result = new ArrayList<>();
        for (int[] ref : refs) {
            if (ref != null) {
                result.add(utf8[classNames[ref[0]]] + "." + utf8[nameAndTypeNames[ref[1]]]);
            }
        }
        return result;
    }
}
