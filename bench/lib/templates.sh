# Real applications made through the API, walked to a mix of stages: the loaded rows copy their state, revision
# content, history and audit events. Needs BASE, the tokens in $WORK/tokens and SAMPLE (the sample application).
TODAY=$(date -u +%F)
YEAR=${TODAY%%-*}

tok() { cat "$WORK/tokens/$1"; }
# api METHOD PATH TOKEN [BODY] [extra curl args...]: prints the body; fails on anything but 2xx
api() {
  local method=$1 path=$2 token=$3 body=${4:-}; shift 4 || shift $#
  local out code
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $(tok "$token")" \
    -H 'Content-Type: application/json' ${body:+--data-binary "$body"} "$@" "$BASE$path") \
    || { echo "API $method $path: curl failed" >&2; rm -f "$out"; return 1; }
  if [ "${code:0:1}" != 2 ]; then
    echo "API $method $path -> $code: $(cat "$out")" >&2; rm -f "$out"; return 1
  fi
  cat "$out"; rm -f "$out"
}
etag() { curl -s -D - -o /dev/null -H "Authorization: Bearer $(tok fund-officer)" "$BASE/api/v1/applications/$1" \
  | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }
step() { # step ID PATH TOKEN BODY
  api POST "/api/v1/applications/$1/$2" "$3" "$4" -H "If-Match: $(etag "$1")" >/dev/null
}
money() { printf '{"amount":"%s","currency":"SEK"}' "$1"; }

criteria_met='{"criteria":[{"criterion":"COUNTERACTS_EXCLUSION","met":true,"motivation":"Uppfyllt enligt ansökan."},{"criterion":"REDUCES_LONG_TERM_COSTS","met":true,"motivation":"Uppfyllt enligt ansökan."},{"criterion":"TRIES_NEW_METHODS","met":true,"motivation":"Uppfyllt enligt ansökan."},{"criterion":"PROMOTES_COLLABORATION","met":true,"motivation":"Uppfyllt enligt ansökan."}]}'
criteria_failed='{"criteria":[{"criterion":"COUNTERACTS_EXCLUSION","met":true,"motivation":"Uppfyllt enligt ansökan."},{"criterion":"REDUCES_LONG_TERM_COSTS","met":false,"motivation":"Inte visat i ansökan."},{"criterion":"TRIES_NEW_METHODS","met":true,"motivation":"Uppfyllt enligt ansökan."},{"criterion":"PROMOTES_COLLABORATION","met":true,"motivation":"Uppfyllt enligt ansökan."}]}'

do_step() { # do_step ID ACTION
  local id=$1
  case $2 in
    assess) step "$id" criteria-assessment fund-officer "$criteria_met" ;;
    reject) step "$id" criteria-assessment fund-officer "$criteria_failed" ;;
    complete) step "$id" completion-requests fund-officer '{"questions":["Hur mäts frånvaron i kontrollgruppen?"]}' ;;
    perspective) step "$id" municipal-perspective fund-officer '{"overallGoals":["education-and-work"],"agenda2030":["4.1","10.2"],"recommendation":"GRANT","motivation":"Stärker skolnärvaron i hela kommunen."}' ;;
    review) step "$id" reviews scientific-advisor '{"comment":"Kontrollgruppen bör matchas på socioekonomi."}' ;;
    grant) step "$id" board-decision fund-officer "{\"outcome\":\"GRANTED\",\"grantedAmount\":$(money 1000000.00),\"conditions\":[\"Halvtidsuppföljning till kommunstyrelsens kontor.\"],\"meetingDate\":\"$TODAY\",\"minutesParagraph\":\"§ 123\"}" ;;
    decline) step "$id" board-decision fund-officer "{\"outcome\":\"DECLINED\",\"reasons\":[\"Andra ansökningar prioriterades.\"],\"meetingDate\":\"$TODAY\",\"minutesParagraph\":\"§ 124\"}" ;;
    start) step "$id" project-start applicant "{\"projectLeader\":\"Projektledare, utbildningskontoret\",\"projectPlan\":\"Projektplan v1, diarieförd\",\"startDate\":\"$TODAY\",\"plannedEndDate\":\"$((YEAR+2))${TODAY#????}\"}" ;;
    costs) step "$id" cost-reports applicant "{\"asOf\":\"$TODAY\",\"lines\":[{\"year\":$YEAR,\"category\":\"PERSONNEL\",\"amount\":$(money 400000.00)}]}" ;;
    followup) step "$id" follow-ups applicant "{\"progress\":\"Rutinerna används på alla skolor.\",\"risks\":\"Personalomsättning.\",\"measurements\":[{\"indicator\":\"absence-rate\",\"group\":\"TARGET\",\"measuredOn\":\"$TODAY\",\"n\":120,\"value\":9.5},{\"indicator\":\"absence-rate\",\"group\":\"CONTROL\",\"measuredOn\":\"$TODAY\",\"n\":110,\"value\":12.0}]}" ;;
    evaluate) step "$id" evaluation office-head "{\"summary\":\"Frånvaron minskade tydligt mot jämförelseskolorna.\",\"humanGains\":\"Fler elever klarar skolan.\",\"measurements\":[{\"indicator\":\"absence-rate\",\"group\":\"TARGET\",\"measuredOn\":\"$TODAY\",\"n\":118,\"value\":7.0},{\"indicator\":\"absence-rate\",\"group\":\"CONTROL\",\"measuredOn\":\"$TODAY\",\"n\":105,\"value\":11.8}]}" ;;
    implement) step "$id" implementation-decision fund-officer "{\"outcome\":\"IMPLEMENT\",\"financing\":\"REPRIORITISATION\",\"committee\":\"Barn- och ungdomsnämnden\",\"decidedOn\":\"$TODAY\",\"reference\":\"BUN $YEAR/45 § 12\"}" ;;
    withdraw) step "$id" withdrawal applicant '{"reason":"Insatsen finansieras inom ordinarie budget."}' ;;
    *) echo "unknown step $2" >&2; return 1 ;;
  esac
}

# The mix: a stage each, the steps that lead there, and its weight in the loaded data (per 100 applications).
# Most applications of a fund that has run for years are decided: this gives 2 to 8 events each, about 4 on average.
TEMPLATE_MIX=(
  "RECEIVED|:|8"
  "CRITERIA_CHECKED|assess|6"
  "COMPLETION_REQUESTED|assess complete|6"
  "READY_FOR_DECISION|assess perspective review|6"
  "REJECTED|reject|12"
  "WITHDRAWN|assess withdraw|6"
  "DECLINED|assess perspective decline|22"
  "GRANTED|assess perspective grant|4"
  "IN_IMPLEMENTATION|assess perspective grant start costs|8"
  "FOLLOWED_UP|assess perspective grant start followup|8"
  "EVALUATED|assess perspective grant start followup evaluate|6"
  "CLOSED|assess perspective grant start followup evaluate implement|8"
)

make_templates() {
  api POST /api/v1/fund/capital-markings fund-officer \
    "{\"amount\":$(money 40000000.00),\"closingYear\":$((YEAR-1)),\"reference\":\"KF bokslut $((YEAR-1)), benchmark\"}" >/dev/null
  api POST /api/v1/application-periods fund-officer \
    "{\"name\":\"Hösten $YEAR\",\"opensOn\":\"$YEAR-09-01\",\"closesOn\":\"$YEAR-12-31\"}" >/dev/null
  : >"$WORK/templates.txt"
  local entry stage steps weight id s
  for entry in "${TEMPLATE_MIX[@]}"; do
    IFS='|' read -r stage steps weight <<<"$entry"
    id=$(api POST /api/v1/applications applicant "@$SAMPLE" -H "Idempotency-Key: template-$stage" | jq -r .id)
    for s in $steps; do [ "$s" = : ] || do_step "$id" "$s"; done
    got=$(api GET "/api/v1/applications/$id" fund-officer "" -H "Accept: application/json" | jq -r .stage)
    [ "$got" = "$stage" ] || { echo "template $stage ended in $got" >&2; return 1; }
    echo "$id $stage $weight" >>"$WORK/templates.txt"
  done
}
