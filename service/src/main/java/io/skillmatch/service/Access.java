package io.skillmatch.service;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skillmatch.service.ApiKeys.Principal;
import io.skillmatch.service.ApiKeys.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who is calling, and what they may do. The key comes as {@code Authorization: Bearer KEY} or
 * {@code X-API-Key: KEY}; a missing or unknown key is a 401, a role or owner that does not fit
 * is a 403. Admins pass every check. Thread-safe.
 */
final class Access {
  private static final String ATTRIBUTE = "skillmatch.principal";

  private final ApiKeys keys;

  Access(ApiKeys keys) {
    this.keys = keys;
  }

  /** A before-handler: finds the caller's principal, or refuses the request. */
  void authenticate(Context ctx) {
    if (keys.open()) {
      ctx.attribute(ATTRIBUTE, ApiKeys.OPEN);
      return;
    }
    String key = presented(ctx);
    if (key == null) {
      throw unauthorized(ctx, "this service needs an API key: send Authorization: Bearer <key>");
    }
    ctx.attribute(ATTRIBUTE, keys.holder(key).orElseThrow(() -> unauthorized(ctx, "the API key is not valid")));
  }

  /** The caller, as {@link #authenticate} found them. */
  static Principal caller(Context ctx) {
    Principal p = ctx.attribute(ATTRIBUTE);
    if (p == null) {
      throw new IllegalStateException("no principal: the route is not behind Access.authenticate");
    }
    return p;
  }

  /** A handler run only for callers holding one of the roles (or admin). */
  static Handler only(Handler handler, Role... roles) {
    List<Role> allowed = Arrays.asList(roles);
    return ctx -> {
      Principal p = caller(ctx);
      if (!p.admin() && !allowed.contains(p.role())) {
        throw forbidden("a " + name(p.role()) + " key may not " + ctx.method() + " " + ctx.matchedPath()
            + (allowed.isEmpty() ? " (admins only)"
                : " (it takes " + String.join(" or ", allowed.stream().map(Access::name).toList()) + ")"));
      }
      handler.handle(ctx);
    };
  }

  /** Refuses the caller unless they own the document (or are admin). */
  static void requireOwner(Context ctx, String owner, String what) {
    if (!caller(ctx).owns(owner)) {
      throw forbidden(what + " belongs to another user");
    }
  }

  private static String presented(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).strip();
    }
    String key = ctx.header("X-API-Key");
    return key == null || key.isBlank() ? null : key.strip();
  }

  private static ApiException unauthorized(Context ctx, String detail) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"skillmatch\"");
    return new ApiException(401, "Unauthorized", detail, List.of());
  }

  private static ApiException forbidden(String detail) {
    return new ApiException(403, "Forbidden", detail, List.of());
  }

  private static String name(Role r) {
    return r.name().toLowerCase(Locale.ROOT);
  }
}
