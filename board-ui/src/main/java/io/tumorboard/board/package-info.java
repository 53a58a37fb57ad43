/**
 * The tumor-board workbench: a Spring Boot application a site's tumor board uses before, during and after its
 * meeting. Each sub-package is one feature (meetings, the case file, flags, decisions, exports, data quality,
 * models) holding its controller, repository and view models; {@code store} reads the case store the site's
 * pipeline writes, and {@code security} holds the role matrix every route is checked against.
 */
package io.tumorboard.board;
