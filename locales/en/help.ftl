help-title = 🆘 Support, right now
help-emergency = 🚨 If you are in immediate danger, call { $number } now.
help-emergency-local = 🚨 If you are in immediate danger, call your local emergency number now.
resource-us-988 =
    📞 988 Suicide & Crisis Lifeline: call or text { $phone }, or chat at { $chat }.
    Free, 24/7. Press 2 for Spanish.
resource-us-samhsa =
    📞 SAMHSA National Helpline: { $phone } ({ $letters }).
    Free, confidential, 24/7/365, English and Spanish; treatment referrals, and providers at { $treatment }.
resource-ca-988 =
    📞 9-8-8 Suicide Crisis Helpline: call or text { $phone }.
    24/7, in English and French.
resource-mx-vida =
    📞 Línea de la Vida: { $phone }.
    Free, 24 hours, 365 days. Mental health and addictions, including suicidal thoughts.
resource-es-024 =
    📞 { $phone }: Spain's line for suicidal thoughts.
    Free, 24/7/365, confidential.
resource-samaritans =
    📞 Samaritans: { $phone }.
    Free, 24/7.
help-elsewhere = 🌍 Elsewhere: { $url } lists free helplines by country; call the local emergency number.
help-not-medical = Steady Nights is a sleep companion, not medical care.
help-commands = Commands: { $commands }
