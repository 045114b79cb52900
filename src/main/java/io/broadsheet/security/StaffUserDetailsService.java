package io.broadsheet.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffRepository staff;

    StaffUserDetailsService(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return staff.findByUsername(username)
                .map(member -> new SignedInStaff(member.getId(), member.getUsername(), member.getDisplayName(),
                        member.getPasswordHash(), member.getRole(), member.isEnabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
    }
}
