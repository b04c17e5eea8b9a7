"""Accounts, sign-in and sessions (Django auth and allauth). Read through base."""

from config.settings import env

# --- Accounts and authentication -----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    # argon2id at OWASP's minimum cost (46 MiB, 1 pass, 1 lane) instead of Django's
    # default, which made sign-in queue; older hashes are upgraded at the next sign-in.
    "accounts.hashers.SignInArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
MFA_ADAPTER = "accounts.adapters.MFAAdapter"  # "two-step verification" in its errors too
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env.SITE_URL.startswith("https") else "http"
ACCOUNT_RATE_LIMITS = {
    # The allauth defaults, written out so a change is a visible decision: ten failed
    # logins a minute per address, five per five minutes per account.
    "login_failed": "10/m/ip,5/300s/key",
    # Every sign-in, right or wrong, per address: allauth's 30 a minute turned away 20 of
    # 50 colleagues signing in together from one office. Wrong passwords stay limited by
    # the line above, which is checked before any hashing.
    "login": "100/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "signup": "20/m/ip",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env.TRUSTED_PROXY_COUNT

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TRUST_ENABLED = False
MFA_ALLOW_UNVERIFIED_EMAIL = False
MFA_TOTP_ISSUER = "Podium"
# Six digits every 30 seconds: what every authenticator app shows (allauth's defaults,
# written out). A code is accepted from one period either side of now: one typed as its
# period ends still works after half a minute in a queue or on a slow phone connection,
# and a clock a period adrift still works. Each code works once, however late
# (accounts/two_step.py); wrong codes count against the sign-in limits above.
MFA_TOTP_PERIOD = 30
MFA_TOTP_DIGITS = 6
MFA_TOTP_TOLERANCE = 1
MFA_FORMS = {
    "authenticate": "accounts.mfa_forms.OnceOnlyAuthenticateForm",
    "reauthenticate": "accounts.mfa_forms.OnceOnlyReauthenticateForm",
}
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.DEBUG

# The session list shows when each session was last seen; recorded by
# accounts.middleware.SessionLifetimeMiddleware (allauth's own middleware is not used).
USERSESSIONS_TRACK_ACTIVITY = True

# Sessions: 30 idle minutes (each request renews them, below), 12 hours at most
# (accounts.middleware.SessionLifetimeMiddleware), gone when the browser closes.
SESSION_COOKIE_AGE = 30 * 60
# Renewed (saved with a new expiry, and its activity recorded) at most once a minute by
# SessionLifetimeMiddleware, not on every request: an idle session ends 29 to 30 minutes
# after its last request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_INTERVAL_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_LIMIT_SECONDS = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
