/**
 * The HTTP service: Javalin wiring ({@link io.skillmatch.service.App}), controllers doing I/O only,
 * and the one problem+json error shape ({@link io.skillmatch.service.ApiError}).
 */
package io.skillmatch.service;
