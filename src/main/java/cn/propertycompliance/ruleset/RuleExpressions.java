package cn.propertycompliance.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type-checks the Java/MVEL expressions of a rule (constraint atoms, {@code from} sources, consequence arguments)
 * against {@link RuleVocabulary}: every name resolves to a bound variable, a global, an imported type or a property
 * of the pattern's type, and every call to a method {@link RuleVocabulary#mayCall} allows on the resolved class.
 * Anything else — {@code new}, lambdas, casts, {@code .class}, assignments, qualified names — is {@link Refused},
 * naming the construct. Parsed with JavaParser (unicode escapes decoded first, as the compiler does), never by regex.
 */
final class RuleExpressions {

    /** A construct the guard does not allow, and the line (relative to the parsed text, 1-based) where it is. */
    static final class Refused extends RuntimeException {
        final int line;

        Refused(Node at, String construct) {
            super(construct, null, false, false);
            this.line = at == null ? 1 : at.getBegin().map(p -> p.line).orElse(1);
        }
    }

    /** The value of an expression: its class, or a class named as such (for enum constants and static calls). */
    record Typed(Class<?> type, boolean isTypeName) {
        static final Typed NULL = new Typed(Void.class, false);

        static Typed of(Class<?> type) {
            return new Typed(type, false);
        }
    }

    /** What names mean where the expression stands: bound variables, imported types, and the pattern's type if any. */
    interface Scope {
        Class<?> variable(String name);

        Class<?> type(String simpleName);

        /** The pattern type whose properties a bare name reads (constraints), or null (consequences, from). */
        Class<?> implicitThis();

        /** Names as a rule sees them: its bound variables, then the globals; its imports, then a few java.lang types. */
        static Scope of(Map<String, Class<?>> variables, Map<String, Class<?>> imports, Class<?> implicitThis) {
            return new Scope() {
                @Override
                public Class<?> variable(String name) {
                    Class<?> v = variables.get(name);
                    return v != null ? v : RuleVocabulary.GLOBALS.get(name);
                }

                @Override
                public Class<?> type(String simpleName) {
                    Class<?> c = imports.get(simpleName);
                    return c != null ? c : RuleVocabulary.JAVA_LANG.get(simpleName);
                }

                @Override
                public Class<?> implicitThis() {
                    return implicitThis;
                }
            };
        }
    }

    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setPreprocessUnicodeEscapes(true).setAttributeComments(false)));

    private RuleExpressions() {
    }

    static Expression parseExpression(String text) {
        // MVEL's null-safe navigation reads like a plain one for typing purposes.
        ParseResult<Expression> result = PARSER.get().parseExpression(text.replace("!.", "."));
        return result.getResult().filter(e -> result.isSuccessful())
                .orElseThrow(() -> new Refused(null, "expression that is not plain Java: " + abbreviate(text)));
    }

    static BlockStmt parseBlock(String text) {
        ParseResult<BlockStmt> result = PARSER.get().parseBlock("{" + text + "\n}");
        return result.getResult().filter(b -> result.isSuccessful())
                .orElseThrow(() -> new Refused(null, "consequence that is not plain Java: " + result.getProblems().stream()
                        .findFirst().map(p -> p.getMessage().lines().findFirst().orElse("")).orElse("")));
    }

    private static final java.util.Set<String> OPERATORS = java.util.Set.of("==", "!=", "<", ">", "<=", ">=", "memberOf", "contains");

    /**
     * A DRL constraint ({@code $x : a.b, c > 1 || d memberOf $y}), split by Drools' own expression parser into
     * bindings, relations and atoms; each atom is type-checked, each binding reported to {@code bind}.
     */
    static void checkConstraint(String text, Scope scope, java.util.function.BiConsumer<String, Class<?>> bind) {
        org.drools.drl.parser.DrlExprParser parser = org.drools.drl.parser.DrlExprParserFactory
                .getDrlExprParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6);
        org.drools.drl.ast.descr.ConstraintConnectiveDescr parsed = parser.parse(text);
        if (parser.hasErrors() || parsed == null) {
            throw new Refused(null, "constraint that does not parse");
        }
        constraint(parsed, scope, bind);
    }

    private static void constraint(org.drools.drl.ast.descr.BaseDescr d, Scope scope, java.util.function.BiConsumer<String, Class<?>> bind) {
        if (d instanceof org.drools.drl.ast.descr.ConstraintConnectiveDescr c) {
            c.getDescrs().forEach(x -> constraint(x, scope, bind));
        } else if (d instanceof org.drools.drl.ast.descr.RelationalExprDescr r) {
            if (!OPERATORS.contains(r.getOperator()) || (r.getParameters() != null && !r.getParameters().isEmpty())) {
                throw new Refused(null, "operator " + r.getOperator());
            }
            constraint(r.getLeft(), scope, bind);
            constraint(r.getRight(), scope, bind);
        } else if (d instanceof org.drools.drl.ast.descr.AtomicExprDescr a) {
            check(parseExpression(a.getExpression()), scope);
        } else if (d instanceof org.drools.drl.ast.descr.BindingDescr b) {
            if (b.isUnification()) {
                throw new Refused(null, "unification :=");
            }
            bind.accept(b.getVariable(), check(parseExpression(b.getExpression()), scope).type());
        } else {
            throw new Refused(null, d.getClass().getSimpleName().replaceAll("Descr$", ""));
        }
    }

    static Typed check(Expression e, Scope scope) {
        if (e instanceof StringLiteralExpr) {
            return Typed.of(String.class);
        } else if (e instanceof IntegerLiteralExpr) {
            return Typed.of(int.class);
        } else if (e instanceof LongLiteralExpr) {
            return Typed.of(long.class);
        } else if (e instanceof DoubleLiteralExpr) {
            return Typed.of(double.class);
        } else if (e instanceof BooleanLiteralExpr) {
            return Typed.of(boolean.class);
        } else if (e instanceof CharLiteralExpr) {
            return Typed.of(char.class);
        } else if (e instanceof NullLiteralExpr) {
            return Typed.NULL;
        } else if (e instanceof EnclosedExpr en) {
            return check(en.getInner(), scope);
        } else if (e instanceof UnaryExpr u) {
            return unary(u, scope);
        } else if (e instanceof BinaryExpr b) {
            Typed left = check(b.getLeft(), scope);
            check(b.getRight(), scope);
            return switch (b.getOperator()) {
                case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> left;
                case OR, AND, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> Typed.of(boolean.class);
                default -> throw new Refused(e, "operator " + b.getOperator().asString());
            };
        } else if (e instanceof ConditionalExpr c) {
            check(c.getCondition(), scope);
            Typed then = check(c.getThenExpr(), scope);
            Typed otherwise = check(c.getElseExpr(), scope);
            return then == Typed.NULL ? otherwise : then;
        } else if (e instanceof ThisExpr t) {
            if (scope.implicitThis() == null || t.getTypeName().isPresent()) {
                throw new Refused(e, "'this' outside a pattern");
            }
            return Typed.of(scope.implicitThis());
        } else if (e instanceof NameExpr n) {
            return name(n, scope);
        } else if (e instanceof FieldAccessExpr f) {
            return field(f, scope);
        } else if (e instanceof MethodCallExpr m) {
            return call(m, scope);
        }
        throw new Refused(e, construct(e));
    }

    private static Typed unary(UnaryExpr u, Scope scope) {
        Typed inner = check(u.getExpression(), scope);
        return switch (u.getOperator()) {
            case LOGICAL_COMPLEMENT -> Typed.of(boolean.class);
            case MINUS, PLUS -> inner;
            default -> throw new Refused(u, "operator " + u.getOperator().asString() + " (assignment)");
        };
    }

    private static Typed name(NameExpr n, Scope scope) {
        String name = n.getNameAsString();
        Class<?> variable = scope.variable(name);
        if (variable != null) {
            return Typed.of(variable);
        }
        Class<?> type = scope.type(name);
        if (type != null) {
            return new Typed(type, true);
        }
        if (scope.implicitThis() != null) {
            Optional<Method> property = property(scope.implicitThis(), name);
            if (property.isPresent()) {
                return Typed.of(property.get().getReturnType());
            }
        }
        throw new Refused(n, Character.isLowerCase(name.charAt(0)) && !name.startsWith("$")
                ? "name '" + name + "' (not a bound variable, global, imported type or property"
                        + (scope.implicitThis() == null ? "" : " of " + scope.implicitThis().getSimpleName())
                        + "; fully qualified names are not allowed)"
                : "name '" + name + "' (not bound in the conditions, not imported)");
    }

    private static Typed field(FieldAccessExpr f, Scope scope) {
        Typed owner = check(f.getScope(), scope);
        String name = f.getNameAsString();
        if (owner.isTypeName()) {
            Class<?> type = owner.type();
            if (type.isEnum() && RuleVocabulary.isFactClass(type)) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(name)) {
                        return Typed.of(type);
                    }
                }
            }
            if (RuleVocabulary.JDK_CONSTANTS.contains(type.getName() + "." + name)) {
                try {
                    Field field = type.getField(name);
                    return Typed.of(field.getType());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new Refused(f, "static field " + type.getSimpleName() + "." + name);
        }
        Method getter = property(owner.type(), name)
                .orElseThrow(() -> new Refused(f, "property " + owner.type().getSimpleName() + "." + name
                        + " (no accessor a rule may call)"));
        return Typed.of(getter.getReturnType());
    }

    private static Typed call(MethodCallExpr m, Scope scope) {
        String name = m.getNameAsString();
        if (m.getTypeArguments().isPresent()) {
            throw new Refused(m, "explicit type arguments");
        }
        Typed owner;
        if (m.getScope().isPresent()) {
            owner = check(m.getScope().get(), scope);
        } else if (scope.implicitThis() != null) {
            owner = Typed.of(scope.implicitThis());
        } else {
            throw new Refused(m, "call of " + name + "(…) without an object (functions, insert, modify, delete … are not allowed)");
        }
        List<Typed> args = m.getArguments().stream().map(a -> check(a, scope)).toList();
        Class<?> type = owner.type();
        if (type == Void.class || type.isPrimitive()) {
            throw new Refused(m, "call of " + name + "(…) on " + (type == Void.class ? "null" : type.getName()));
        }
        Method method = Arrays.stream(type.getMethods())
                .filter(x -> x.getName().equals(name) && x.getParameterCount() == args.size())
                .filter(x -> Modifier.isStatic(x.getModifiers()) == owner.isTypeName())
                .filter(RuleVocabulary::mayCall)
                .filter(x -> accepts(x, args))
                .findFirst()
                .orElseThrow(() -> new Refused(m, "method " + type.getSimpleName() + "." + name + "(" + args.size()
                        + " argument" + (args.size() == 1 ? "" : "s") + ")" + (owner.isTypeName() ? " (static)" : "")
                        + " is not on the list of methods a rule may call"));
        return Typed.of(method.getReturnType());
    }

    /** A getter rules may read as a property: {@code getX()}, {@code isX()} or the record accessor {@code x()}. */
    static Optional<Method> property(Class<?> type, String name) {
        if (type == null || type.isPrimitive() || type == Void.class) {
            return Optional.empty();
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of("get" + cap, "is" + cap, name)) {
            for (Method m : type.getMethods()) {
                if (m.getName().equals(candidate) && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && RuleVocabulary.mayCall(m)) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(Method m, List<Typed> args) {
        Class<?>[] params = m.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            Class<?> arg = args.get(i).type();
            if (arg != Void.class && !box(params[i]).isAssignableFrom(box(arg)) && !numeric(params[i], arg)) {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(Class<?> param, Class<?> arg) {
        return Number.class.isAssignableFrom(box(param)) && Number.class.isAssignableFrom(box(arg));
    }

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, boolean.class, Boolean.class, char.class, Character.class);

    private static Class<?> box(Class<?> c) {
        return BOXES.getOrDefault(c, c);
    }

    /** A readable name for a refused expression kind: new, lambda, cast, .class, assignment … */
    static String construct(Node e) {
        String kind = e.getClass().getSimpleName().replaceAll("(Expr|Stmt)$", "");
        return switch (kind) {
            case "ObjectCreation" -> "new " + ((com.github.javaparser.ast.expr.ObjectCreationExpr) e).getTypeAsString();
            case "ArrayCreation" -> "new array";
            case "Lambda" -> "lambda";
            case "MethodReference" -> "method reference";
            case "Cast" -> "cast";
            case "Class" -> ".class";
            case "Assign" -> "assignment";
            case "VariableDeclaration" -> "local variable";
            case "ForEach", "For", "While", "Do" -> "loop";
            case "If" -> "if";
            case "Try" -> "try";
            case "LocalClassDeclaration" -> "local class";
            case "InstanceOf" -> "instanceof";
            case "Switch" -> "switch";
            case "TextBlockLiteral" -> "text block";
            case "ArrayAccess" -> "array access";
            case "ArrayInitializer" -> "array initializer";
            case "SuperExpr", "Super" -> "super";
            default -> kind.isEmpty() ? e.getClass().getSimpleName() : kind;
        } + ": " + abbreviate(e.toString());
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }
}
