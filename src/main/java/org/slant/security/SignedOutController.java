package org.slant.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a page still open for a disabled account sends its browser: the session ends here (a plain
 * HTTP request, not a push message, so it can be invalidated safely) and the login page says why. For
 * a user who is still active it does nothing, so a link to it cannot sign anyone out.
 */
@Controller
class SignedOutController {

    static final String PATH = "/signed-out";

    private final UserService users;

    SignedOutController(UserService users) {
        this.users = users;
    }

    @GetMapping(PATH)
    String signedOut(HttpServletRequest request, Principal principal) {
        if (principal == null || users.isActive(principal.getName())) {
            return "redirect:/";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?ended";
    }
}
