# Avisos de apoyo (src/domain/thresholds.ts). sign-<id del umbral> nombra cada señal con
# palabras sencillas; el código une las que se cumplen y las pasa como $signs.

sign-no-sleep = varias noches durmiendo poco o nada
sign-anxiety-rising = una ansiedad que no para de subir
sign-unstable = un estado de ánimo que se siente inestable
sign-cant-function = no poder con el día a día
sign-relapse-risk = muchas ganas de consumir
sign-persistent = insomnio durante más de 2 semanas sin mejorar

warning-support-title =
    🧡 Puede ser momento de pedir más apoyo. He notado:
    { $signs }
warning-urgent-title =
    ⚠️ Por favor, busca ayuda hoy mismo. He notado:
    { $signs }
warning-support-do = Un profesional que pueda recetarte puede ayudar con un sueño así; en «Qué puede ayudar» tienes por dónde empezar.
warning-urgent-do = Un profesional o una línea de ayuda pueden ayudarte hoy; en /help están las líneas de crisis, a cualquier hora.
warning-signal-not-failure = Esto no es un fracaso. Es una señal, y merece que le hagas caso.
warning-prescriber = 🩺 Habla con un profesional que pueda recetarte. En medicina de adicciones se usan a menudo la trazodona o la hidroxicina para el insomnio de la abstinencia. Las dos necesitan receta y no crean hábito como las benzodiacepinas.
warning-findtreatment = 🔎 { $url } reúne profesionales de medicina de adicciones; muchos atienden por telemedicina.
warning-samhsa = 📞 Línea Nacional de Ayuda de SAMHSA: { $phone }. Gratuita, confidencial, 24/7, también en español.
warning-help-pointer = Líneas de crisis en cualquier momento: /help
