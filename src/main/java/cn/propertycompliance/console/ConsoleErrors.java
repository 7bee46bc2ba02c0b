package cn.propertycompliance.console;

import cn.propertycompliance.evaluation.InvalidRequestException;
import cn.propertycompliance.releases.ReleaseRefusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's answer to a refused step (maker = checker, wrong state, unknown release, a bad file path or request):
 * a page that says why, in Chinese, with every reason; inside an htmx panel the same message replaces the panel.
 * Anything unexpected is logged and shown without details (no stack trace leaves the server).
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel common;

    ConsoleErrors(ConsoleModel common) {
        this.common = common;
    }

    @ExceptionHandler(ReleaseRefusal.class)
    ModelAndView refused(ReleaseRefusal e, HttpServletRequest request) {
        return page(request, HttpStatus.valueOf(e.kind().status), title(e.kind()), e.getMessage(), e.errors());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, "请求无效", e.getMessage(),
                e.errors().stream().map(f -> f.field() + "：" + f.message()).toList());
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request) {
        return page(request, HttpStatus.NOT_FOUND, "未找到", e.getMessage(), List.of());
    }

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badForm(Exception e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, "输入无效", "表单缺少必填项或取值格式不对。", List.of(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        log.error("console request {} failed", request.getRequestURI(), e);
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "服务内部错误", "请求未能完成，详情已记入服务日志。", List.of());
    }

    private static String title(ReleaseRefusal.Kind kind) {
        return switch (kind) {
            case SAME_CLIENT -> "不能审核自己提交的发布包";
            case WRONG_STATE -> "当前状态不允许此操作";
            case NOT_FOUND -> "未找到";
            case SIGNATURE_INVALID -> "签名校验未通过";
            case INVALID_ARCHIVE, INVALID_REQUEST -> "输入无效";
        };
    }

    private ModelAndView page(HttpServletRequest request, HttpStatus status, String title, String message, List<String> errors) {
        boolean panel = request.getHeader("HX-Request") != null;
        ModelAndView mav = new ModelAndView(panel ? "console/fragments :: refusal" : "console/error");
        mav.addAllObjects(common.common(request));
        mav.addObject("title", title);
        mav.addObject("message", message);
        mav.addObject("errors", errors);
        mav.addObject("status", status.value());
        // htmx swaps only 2xx answers into the page: the panel shows the refusal, the full page keeps the real status.
        mav.setStatus(panel ? HttpStatus.OK : status);
        return mav;
    }

    /** A console page for something that does not exist (a rule id, a clause, a table). */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
