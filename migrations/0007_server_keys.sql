CREATE TABLE "server_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Only the app signs; back-office work (ponte_staff) has no business reading the keys. The app may add one,
-- never change or drop it.
REVOKE ALL ON server_keys FROM ponte_staff;--> statement-breakpoint
REVOKE UPDATE, DELETE ON server_keys FROM ponte_app;
