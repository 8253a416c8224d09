// The contract's enumerations, in a stable order (code = index).
export const SOURCE_SYSTEMS = ['web', 'store', 'crm'] as const;
export const CDC_OPS = ['c', 'u', 'd'] as const;
export const ORDER_STATUSES = ['placed', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
export const ORDER_CHANNELS = ['web', 'app', 'store'] as const;
export const CLICK_EVENT_TYPES = ['page_view', 'product_view', 'add_to_cart', 'checkout', 'search', 'login'] as const;
export const TICKET_STATUSES = ['open', 'pending', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_CHANNELS = ['email', 'chat', 'phone'] as const;
export const CAMPAIGN_CHANNELS = ['email', 'sms', 'ads'] as const;
export const CAMPAIGN_EVENT_TYPES = ['sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'converted'] as const;
export const CONSENT_PURPOSES = ['email_marketing', 'sms_marketing', 'personalized_ads'] as const;
export const CONSENT_STATUSES = ['granted', 'withdrawn'] as const;
export const CAPTURE_POINTS = ['signup', 'preference_center', 'checkout', 'unsubscribe_link', 'support'] as const;
export const COUNTRIES = ['TR', 'KZ', 'AZ', 'UZ', 'DE', 'GB', 'US'] as const;

/** Calling codes used to make national phone numbers international. */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  TR: '90', KZ: '7', AZ: '994', UZ: '998', DE: '49', GB: '44', US: '1',
};
