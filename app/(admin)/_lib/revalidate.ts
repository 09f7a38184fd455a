// After a report is stored from the app, the public pages show it at once: their cached copies
// are dropped (the dashboard reads through the data version and needs nothing).
import { revalidatePath } from 'next/cache';

export function revalidatePublished(): void {
  revalidatePath('/public/[region]', 'page');
  revalidatePath('/public');
}
