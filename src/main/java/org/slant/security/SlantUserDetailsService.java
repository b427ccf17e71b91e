package org.slant.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Lets Spring Security's form login check passwords against the workspace's users. No account is ever
 * locked here: password guessing is slowed per name and address by {@link LoginThrottle}.
 */
@Service
public class SlantUserDetailsService implements UserDetailsService {

    private final UserService users;

    public SlantUserDetailsService(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = users.find(username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return org.springframework.security.core.userdetails.User.withUsername(user.name())
                .password(user.passwordHash())
                .disabled(user.disabled())
                .authorities(authorities(user))
                .build();
    }

    /** Everyone signed in is a USER; project roles (curator, annotator) are checked per project by AccessPolicy. */
    static List<SimpleGrantedAuthority> authorities(User user) {
        return user.admin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
