import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { accountRoutes } from './account/routes.js';
import { adminRoutes } from './admin/routes.js';
import { adminUserApi } from './admin/users-api.js';
import { adminUserRoutes } from './admin/users-routes.js';
import { apiDocsRoutes, openApiRoutes } from './api/docs-routes.js';
import { meApi } from './api/me.js';
import { authRoutes } from './auth/routes.js';
import type { AppEnv, Deps } from './context.js';
import { buyerActionRoutes } from './directory/action-routes.js';
import { searchApi, searchPages } from './directory/routes.js';
import { eventApi } from './events/api.js';
import { eventRoutes } from './events/routes.js';
import { fileRoutes } from './files/routes.js';
import { gapApi } from './gaps/api.js';
import { gapRoutes } from './gaps/routes.js';
import { healthRoutes } from './health/routes.js';
import { homeRoutes } from './home/routes.js';
import { apiAuth } from './http/api-auth.js';
import { assetRoutes } from './http/assets.js';
import { compress } from './http/compress.js';
import { csrfProtection } from './http/csrf.js';
import { handleError, handleNotFound } from './http/error-handler.js';
import { htmx } from './http/htmx.js';
import { i18n } from './http/i18n.js';
import { noStoreForCredentials } from './http/no-store.js';
import { requestContext } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { sessionLoader } from './http/session.js';
import { rejectNulInUrl } from './http/validate.js';
import { importApi, importRoutes } from './imports/routes.js';
import { createMetrics } from './metrics/registry.js';
import { metricsHandler, observeRequests } from './metrics/routes.js';
import { needsApi } from './needs/api.js';
import { needRoutes } from './needs/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { inviteRoutes, orgRoutes } from './orgs/routes.js';
import { outcomeApi } from './outcomes/api.js';
import { outcomeRoutes } from './outcomes/routes.js';
import { pipelineRoutes } from './pipeline/routes.js';
import { privacyApi } from './privacy/api.js';
import { privacyRoutes } from './privacy/routes.js';
import { publicEventRoutes } from './public-events/routes.js';
import { reportApi } from './reports/api.js';
import { naikKelasApi, naikKelasRoutes } from './reports/naik-kelas-routes.js';
import { reportRoutes } from './reports/routes.js';
import { targetRoutes } from './reports/targets-routes.js';
import { savedSearchRoutes } from './saved-searches/routes.js';
import { adhocRoutes } from './scheduling/adhoc-routes.js';
import { schedulingApi } from './scheduling/api.js';
import { checkInRoutes } from './scheduling/checkin-routes.js';
import { dayAssetRoutes } from './scheduling/day-assets.js';
import { schedulingRoutes } from './scheduling/routes.js';
import { walkInRoutes } from './scheduling/walk-in-routes.js';
import { supplierApi } from './suppliers/api.js';
import { supplierRoutes } from './suppliers/routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { referenceApi } from './taxonomy/api.js';

const UPLOAD_PATHS = /^\/(files|imports|outcomes|api\/v1\/imports)(\/|$)/;
/** RFQ drawings and quote documents (up to 20 MB); their routes set their own limit. */
const RFQ_UPLOAD_PATHS = /^\/(api\/v1\/)?needs\/[^/]+\/(attachments|quotes)$/;
/** The API's contract and its reference page are public: no token, and the page keeps the session. */
const PUBLIC_API_PATHS = new Set(['/api/v1/openapi.json', '/api/docs']);

/**
 * Builds the application. Never listens: the server (or a test via `app.request()`)
 * owns the socket. Middleware order: context → headers → htmx → CSRF → identity → i18n → routes.
 */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  const metrics = deps.config.metricsToken ? createMetrics(deps) : null;
  if (metrics) app.use('*', observeRequests(metrics));
  app.use('*', requestContext(deps));
  app.use('*', compress());
  app.use('*', securityHeaders());
  app.use('*', rejectNulInUrl());
  app.use('*', noStoreForCredentials());
  app.use('*', htmx());
  app.route('/assets', assetRoutes);
  app.route('/', dayAssetRoutes);
  app.route('/', healthRoutes);
  // Upload routes set their own, larger limits.
  const defaultLimit = bodyLimit({ maxSize: 2 * 1024 * 1024 });
  app.use('*', (c, next) =>
    UPLOAD_PATHS.test(c.req.path) || RFQ_UPLOAD_PATHS.test(c.req.path) ? next() : defaultLimit(c, next),
  );
  app.use('*', csrfProtection(deps.config));
  const requireToken = apiAuth();
  app.use('/api/*', (c, next) => (PUBLIC_API_PATHS.has(c.req.path) ? next() : requireToken(c, next)));
  const loadSession = sessionLoader();
  const tokenOnly = (path: string) => path.startsWith('/api/') && path !== '/api/docs';
  app.use('*', async (c, next) => (tokenOnly(c.req.path) ? next() : loadSession(c, next)));
  app.use('*', i18n());
  if (metrics) app.get('/metrics', metricsHandler(metrics, deps.config.metricsToken!));

  app.route('/', homeRoutes);
  app.route('/', authRoutes);
  app.route('/account', accountRoutes);
  app.route('/orgs', orgRoutes);
  app.route('/invites', inviteRoutes);
  app.route('/', searchPages);
  app.route('/', buyerActionRoutes);
  app.route('/', supplierRoutes);
  app.route('/admin/users', adminUserRoutes);
  app.route('/admin', adminRoutes);
  app.route('/', privacyRoutes);
  app.route('/api/v1', adminUserApi);
  app.route('/api/v1', privacyApi);
  app.route('/notifications', notificationRoutes);
  app.route('/api/v1', openApiRoutes);
  app.route('/api', apiDocsRoutes);
  app.route('/api/v1', meApi);
  app.route('/api/v1', referenceApi);
  app.route('/api/v1', searchApi);
  app.route('/api/v1', needsApi);
  app.route('/api/v1', supplierApi);
  app.route('/api/v1', importApi);
  app.route('/events', eventRoutes);
  app.route('/events', schedulingRoutes);
  app.route('/', publicEventRoutes);
  app.route('/events', checkInRoutes);
  app.route('/events', walkInRoutes);
  app.route('/meetings', adhocRoutes);
  app.route('/api/v1', eventApi);
  app.route('/api/v1', schedulingApi);
  app.route('/imports', importRoutes);
  app.route('/files', fileRoutes);
  app.route('/needs', needRoutes);
  app.route('/saved-searches', savedSearchRoutes);
  app.route('/outcomes', outcomeRoutes);
  app.route('/reports/targets', targetRoutes);
  app.route('/', gapRoutes);
  app.route('/', naikKelasRoutes);
  app.route('/', reportRoutes);
  app.route('/', surveyRoutes);
  app.route('/pipeline', pipelineRoutes);
  app.route('/api/v1', outcomeApi);
  app.route('/api/v1', reportApi);
  app.route('/api/v1', gapApi);
  app.route('/api/v1', naikKelasApi);

  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
