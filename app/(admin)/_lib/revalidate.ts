// After a report is stored or corrected from the app, the public pages show it at once: their
// cached copies are dropped (the dashboard reads through the data version and needs nothing).
// The pattern names the route's folder, route group included: every cached address of a
// region (code, name, r<id>) is one page of that route.
import { revalidatePath } from 'next/cache';

export function revalidatePublished(): void {
  revalidatePath('/(public)/public/[region]', 'page');
  revalidatePath('/(public)/public', 'page');
}
