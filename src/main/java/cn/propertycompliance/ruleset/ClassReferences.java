package cn.propertycompliance.ruleset;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Everything one compiled class reaches outside itself, read from its bytecode with ASM: each method call, field
 * access, {@code new}, type check, class constant and invokedynamic, as {@link Reference}s.
 */
final class ClassReferences {

    enum Kind { CALL, FIELD, NEW, TYPE, CLASS_CONSTANT, INVOKEDYNAMIC, SUPER }

    /** {@code owner} is a binary class name (dots); {@code name} the member, or empty for NEW/TYPE/CLASS_CONSTANT. */
    record Reference(Kind kind, String owner, String name) {
        @Override
        public String toString() {
            return switch (kind) {
                case CALL, FIELD -> owner + "." + name;
                case NEW -> "new " + owner;
                case INVOKEDYNAMIC -> "invokedynamic " + owner + "." + name;
                default -> kind.name().toLowerCase().replace('_', ' ') + " " + owner;
            };
        }
    }

    private ClassReferences() {
    }

    static String nameOf(byte[] classFile) {
        return new ClassReader(classFile).getClassName().replace('/', '.');
    }

    static List<Reference> of(byte[] classFile) {
        List<Reference> out = new ArrayList<>();
        ClassReader reader = new ClassReader(classFile);
        if (reader.getSuperName() != null) {
            out.add(new Reference(Kind.SUPER, dotted(reader.getSuperName()), ""));
        }
        for (String itf : reader.getInterfaces()) {
            out.add(new Reference(Kind.SUPER, dotted(itf), ""));
        }
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        out.add(new Reference(Kind.CALL, typeName(owner), name));
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        out.add(new Reference(Kind.FIELD, typeName(owner), name));
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.ANEWARRAY) {
                            out.add(new Reference(Kind.NEW, "array of " + typeName(type), ""));
                        } else {
                            out.add(new Reference(opcode == Opcodes.NEW ? Kind.NEW : Kind.TYPE, typeName(type), ""));
                        }
                    }

                    @Override
                    public void visitIntInsn(int opcode, int operand) {
                        if (opcode == Opcodes.NEWARRAY) { // arrays of primitives: new long[n]
                            out.add(new Reference(Kind.NEW, "array of primitives", ""));
                        }
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
                        out.add(new Reference(Kind.NEW, Type.getType(descriptor).getClassName(), ""));
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type t) {
                            out.add(new Reference(Kind.CLASS_CONSTANT, t.getClassName(), ""));
                        } else if (value instanceof Handle || value instanceof ConstantDynamic) {
                            out.add(new Reference(Kind.INVOKEDYNAMIC, String.valueOf(value), ""));
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
                        out.add(new Reference(Kind.INVOKEDYNAMIC, dotted(bsm.getOwner()), bsm.getName()));
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out;
    }

    /** Array types are judged by their element type (a {@code new Foo[n]} is a {@code new} of Foo for this check). */
    private static String typeName(String internal) {
        if (internal.startsWith("[")) {
            Type t = Type.getType(internal);
            return t.getElementType().getSort() == Type.OBJECT ? t.getElementType().getClassName() : "array of " + t.getElementType().getClassName();
        }
        return dotted(internal);
    }

    private static String dotted(String internal) {
        return internal.replace('/', '.');
    }
}
