import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { ApiError } from "./api/client";
import { AuthProvider, useAuth } from "./auth";
import { I18nProvider } from "./i18n";
import { Layout } from "./components/Layout";
import { LoginPage } from "./pages/Login";
import { MyDayPage } from "./pages/MyDay";
import { CustomersPage } from "./pages/Customers";
import { AlertsPage } from "./pages/Alerts";
import { SegmentsPage } from "./pages/Segments";
import { CallerPage } from "./pages/Caller";
import { CasesPage } from "./pages/Cases";
import { CampaignsPage } from "./pages/Campaigns";
import { CampaignPage } from "./pages/Campaign";
import { NewCampaignPage } from "./pages/NewCampaign";
import { PerformancePage } from "./pages/Performance";
import { AuditLogPage } from "./pages/AuditLog";
import { NotFoundPage } from "./pages/NotFound";
import { QuarantinePage } from "./pages/Quarantine";
import { Loading } from "./components/Status";

// The 360 view carries the chart library: loaded when first opened.
const Customer360Page = lazy(() => import("./pages/Customer360").then((m) => ({ default: m.Customer360Page })));

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Where signing in leads: an agent's work is the caller on the line; everyone else's day starts with My day. */
function Home() {
  const { me } = useAuth();
  if (me?.role === "agent") return <Navigate to="/call" replace />;
  return <MyDayPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route
          path="customers/:customerId"
          element={
            <Suspense fallback={<Loading />}>
              <Customer360Page />
            </Suspense>
          }
        />
        <Route path="call" element={<CallerPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="cases" element={<CasesPage />} />
        <Route path="segments" element={<SegmentsPage />} />
        <Route path="segments/:segmentId" element={<SegmentsPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/new" element={<NewCampaignPage />} />
        <Route path="campaigns/:campaignId" element={<CampaignPage />} />
        <Route path="quarantine" element={<QuarantinePage />} />
        <Route path="performance" element={<PerformancePage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Providers shared by the app and by component tests (which pass their own router). */
export function Providers({ children, client }: { children: ReactNode; client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <AuthProvider>{children}</AuthProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

export function App() {
  const [client] = useState(makeQueryClient);
  return (
    <Providers client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
