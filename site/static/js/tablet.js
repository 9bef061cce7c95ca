// Offline tablet mode: draw the survey from the public questionnaire definition, keep
// each finished answer set in IndexedDB with its own UUID, and send the waiting ones to
// POST /api/v1/responses/ whenever the tablet is online. The server stores each UUID
// once, so sending again after a lost reply never counts an answer twice.
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("tablet-config").textContent);
  var S = config.strings;
  var DECLINED = "_declined";
  var DB_NAME = "part-tablet";
  var STORE = "answers";
  var CACHE = "part-tablet-v1";
  var RESET_AFTER_MS = 8000;
  var SINGLE_KINDS = ["single_choice", "agreement", "matrix_row", "yes_no"];
  var OPTION_KINDS = SINGLE_KINDS.concat(["multiple_choice"]);
  var DEFAULT_MAX_LENGTH = { short_text: 200, long_text: 2000 };
  var OTHER_MAX_LENGTH = 200;

  var root = document.querySelector("[data-survey]");
  var definition = null;
  var answers = {};
  var page = null;
  var resetTimer = null;
  var syncing = false;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === false || value === null || value === undefined) {
        return;
      }
      if (name === "text") {
        node.textContent = value;
      } else if (value === true) {
        node.setAttribute(name, "");
      } else {
        node.setAttribute(name, value);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(child);
      }
    });
    return node;
  }

  // IndexedDB: the waiting answers survive a closed tab, a restart and a flat battery. ---

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "id" });
      };
      request.onsuccess = function () {
        resolve(request.result);
      };
      request.onerror = function () {
        reject(request.error);
      };
    });
  }

  function withStore(mode, action) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var request = action(transaction.objectStore(STORE));
        transaction.oncomplete = function () {
          db.close();
          resolve(request ? request.result : undefined);
        };
        transaction.onerror = transaction.onabort = function () {
          db.close();
          reject(transaction.error);
        };
      });
    });
  }

  function keep(record) {
    return withStore("readwrite", function (store) {
      return store.put(record);
    });
  }

  function forget(id) {
    return withStore("readwrite", function (store) {
      return store.delete(id);
    });
  }

  function kept() {
    return withStore("readonly", function (store) {
      return store.getAll();
    });
  }

  // Sending ------------------------------------------------------------------------------

  function post(record) {
    return fetch(config.responsesUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(record.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  }

  function sendWaiting() {
    if (syncing || !navigator.onLine) {
      return showStatus();
    }
    syncing = true;
    showStatus();
    return kept()
      .then(function (records) {
        var waiting = records.filter(function (record) {
          return !record.rejected;
        });
        return waiting.reduce(function (previous, record) {
          return previous.then(function (goOn) {
            if (!goOn) {
              return false;
            }
            return post(record).then(
              function (response) {
                // 201 stored, 200 stored before (a resend): either way it is safe now.
                if (response.ok) {
                  return forget(record.id).then(function () {
                    return true;
                  });
                }
                if (response.status === 400 || response.status === 413) {
                  // Refused as it is (wrong, or too large): sending it again cannot help.
                  // Kept aside for staff, never dropped; the rest still goes out.
                  return response
                    .json()
                    .catch(function () {
                      return { detail: ["HTTP " + response.status] };
                    })
                    .then(function (errors) {
                      record.rejected = errors;
                      return keep(record);
                    })
                    .then(function () {
                      return true;
                    });
                }
                if (response.status === 403) {
                  // Staff revoked this tablet: stop sending and say so; every answer stays here.
                  return response
                    .json()
                    .catch(function () {
                      return {};
                    })
                    .then(function (errors) {
                      var box = document.querySelector("[data-revoked]");
                      box.textContent = [].concat(errors.tablet || [S.revoked]).join(" ");
                      box.hidden = false;
                      return false;
                    });
                }
                return false; // 429 or a server error: try again later, in order.
              },
              function () {
                return false; // no connection after all
              }
            );
          });
        }, Promise.resolve(true));
      })
      .catch(function () {})
      .then(function () {
        syncing = false;
        return showStatus();
      });
  }

  function describeErrors(errors) {
    var parts = [];
    Object.keys(errors || {}).forEach(function (field) {
      var value = errors[field];
      if (Array.isArray(value)) {
        parts.push(field + ": " + value.join(" "));
      } else if (value && typeof value === "object") {
        Object.keys(value).forEach(function (key) {
          parts.push(key + ": " + [].concat(value[key]).join(" "));
        });
      } else {
        parts.push(String(value));
      }
    });
    return parts.join("; ");
  }

  function showStatus() {
    var connection = document.querySelector("[data-connection]");
    connection.textContent = navigator.onLine ? S.online : S.offline;
    connection.classList.toggle("tablet__connection--offline", !navigator.onLine);
    return kept()
      .then(function (records) {
        var waiting = records.filter(function (record) {
          return !record.rejected;
        });
        var rejected = records.filter(function (record) {
          return record.rejected;
        });
        var line = document.querySelector("[data-waiting]");
        if (syncing && waiting.length) {
          line.textContent = S.sending;
        } else if (waiting.length === 0) {
          line.textContent = S.noneWaiting;
        } else {
          line.textContent = format(waiting.length === 1 ? S.waitingOne : S.waitingMany, {
            count: waiting.length,
          });
        }
        line.setAttribute("data-count", String(waiting.length));
        var button = document.querySelector("[data-send-now]");
        button.disabled = syncing || waiting.length === 0;
        var box = document.querySelector("[data-rejected]");
        box.hidden = rejected.length === 0;
        document.querySelector("[data-rejected-title]").textContent =
          S.rejectedTitle + " (" + rejected.length + ")";
        document.querySelector("[data-rejected-hint]").textContent = S.rejectedHint;
        var list = document.querySelector("[data-rejected-list]");
        list.textContent = "";
        rejected.forEach(function (record) {
          list.appendChild(
            element("li", {
              "data-rejected-id": record.id,
              text: record.id.slice(0, 8) + " – " + describeErrors(record.rejected),
            })
          );
        });
      })
      .catch(function () {});
  }

  // Rules and checks, the same as surveys/validation.py ---------------------------------

  function questionsOn(number) {
    return definition.questions.filter(function (question) {
      return question.page === number;
    });
  }

  function pageNumbers() {
    var seen = {};
    definition.questions.forEach(function (question) {
      seen[question.page] = true;
    });
    return Object.keys(seen)
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      });
  }

  function parseNumber(text) {
    var value = Number(String(text).trim().replace(",", "."));
    return String(text).trim() !== "" && isFinite(value) ? value : null;
  }

  function ruleHolds(rule, given) {
    if (!rule) {
      return true;
    }
    if (!given) {
      return false;
    }
    var expected = rule.value;
    var chosen = given.options.map(function (option) {
      return option.value;
    });
    if (rule.operator === "equals") {
      if (given.options.length) {
        return chosen.length === 1 && chosen[0] === expected;
      }
      if (given.number !== null) {
        return given.number === parseNumber(expected);
      }
      return given.text.toLowerCase() === expected.trim().toLowerCase();
    }
    if (rule.operator === "includes") {
      if (given.options.length) {
        return chosen.indexOf(expected) !== -1;
      }
      return given.text.toLowerCase().indexOf(expected.trim().toLowerCase()) !== -1;
    }
    if (rule.operator === "above" || rule.operator === "below") {
      var limit = parseNumber(expected);
      var value = given.number;
      if (limit === null) {
        return false;
      }
      if (given.options.length) {
        var numbers = given.options
          .map(function (option) {
            return option.score !== null ? option.score : parseNumber(option.value);
          })
          .filter(function (number) {
            return number !== null;
          });
        if (numbers.length !== 1) {
          return false;
        }
        value = numbers[0];
      }
      if (value === null) {
        return false;
      }
      return rule.operator === "above" ? value > limit : value < limit;
    }
    return true;
  }

  function shownOnPage(questions, given) {
    var shown = [];
    var heading = null;
    var headingShown = true;
    var rows = [];
    questions.forEach(function (question) {
      if (question.kind === "matrix") {
        heading = question;
        headingShown = ruleHolds(question.show_if, given[(question.show_if || {}).question]);
        rows = [];
        return;
      }
      if (question.kind !== "matrix_row") {
        heading = null;
        headingShown = true;
      }
      if (!headingShown || !ruleHolds(question.show_if, given[(question.show_if || {}).question])) {
        return;
      }
      if (question.kind === "matrix_row" && heading && !rows.length) {
        shown.push(heading);
      }
      if (question.kind === "matrix_row") {
        rows.push(question);
      }
      shown.push(question);
    });
    return shown;
  }

  function checkOne(question, raw) {
    var values = (raw.values || [])
      .map(function (value) {
        return String(value).trim();
      })
      .filter(Boolean);
    var declined = raw.declined || values.indexOf(DECLINED) !== -1;
    values = values.filter(function (value) {
      return value !== DECLINED;
    });
    if (declined) {
      if (!question.allows_decline) {
        return { error: S.chooseShown };
      }
      if (values.length) {
        return { error: S.declineOrAnswer };
      }
      return { json: { declined: true }, given: null };
    }
    if (!values.length) {
      return question.is_required ? { error: S.required } : { json: null, given: null };
    }
    if (OPTION_KINDS.indexOf(question.kind) !== -1) {
      var byValue = {};
      question.options.forEach(function (option) {
        byValue[option.value] = option;
      });
      var unique = values.filter(function (value, index) {
        return values.indexOf(value) === index;
      });
      if (
        unique.length !== values.length ||
        values.some(function (value) {
          return !byValue[value];
        })
      ) {
        return { error: S.chooseShown };
      }
      var chosen = values.map(function (value) {
        return byValue[value];
      });
      if (question.kind === "multiple_choice") {
        if (question.min_choices !== null && chosen.length < question.min_choices) {
          return { error: format(S.atLeast, { count: question.min_choices }) };
        }
        if (question.max_choices !== null && chosen.length > question.max_choices) {
          return { error: format(S.atMost, { count: question.max_choices }) };
        }
      } else if (chosen.length !== 1) {
        return { error: S.chooseOne };
      }
      var other = "";
      if (
        chosen.some(function (option) {
          return option.asks_for_text;
        })
      ) {
        other = (raw.other || "").trim();
        if (!other) {
          return { error: S.describe };
        }
        if (other.length > OTHER_MAX_LENGTH) {
          return { error: format(S.tooLong, { limit: OTHER_MAX_LENGTH, count: other.length }) };
        }
      }
      var json;
      if (question.kind === "multiple_choice") {
        json = other ? { values: values, other: other } : values;
      } else {
        json = other ? { value: values[0], other: other } : values[0];
      }
      return { json: json, given: { options: chosen, number: null, text: "" } };
    }
    if (question.kind === "scale_0_10" || question.kind === "number") {
      var number = values.length === 1 ? parseNumber(values[0]) : null;
      if (question.kind === "scale_0_10") {
        if (number === null || number !== Math.floor(number) || number < 0 || number > 10) {
          return { error: S.scale };
        }
      } else {
        if (number === null) {
          return { error: S.number };
        }
        var low = question.min_value;
        var high = question.max_value;
        if ((low !== null && number < low) || (high !== null && number > high)) {
          if (low !== null && high !== null) {
            return { error: format(S.range, { low: low, high: high }) };
          }
          return {
            error: low !== null ? format(S.rangeLow, { low: low }) : format(S.rangeHigh, { high: high }),
          };
        }
      }
      return { json: String(number), given: { options: [], number: number, text: "" } };
    }
    var text = values.join(" ").trim();
    var limit = question.max_length || DEFAULT_MAX_LENGTH[question.kind] || 200;
    if (text.length > limit) {
      return { error: format(S.tooLong, { limit: limit, count: text.length }) };
    }
    return { json: text, given: { options: [], number: null, text: text } };
  }

  // Walk every page as the server does: which pages show, which answers go out, what fails.
  function checkAll(onlyPage) {
    var given = {};
    var result = { pages: [], shown: {}, errors: {}, json: {} };
    var rules = {};
    (definition.pages || []).forEach(function (rule) {
      rules[rule.number] = rule;
    });
    pageNumbers().forEach(function (number) {
      var before = Object.assign({}, given);
      var rule = rules[number];
      if (rule && rule.show_if && !ruleHolds(rule.show_if, before[rule.show_if.question])) {
        return;
      }
      var shown = shownOnPage(questionsOn(number), before);
      var takes = shown.filter(function (question) {
        return question.kind !== "matrix";
      });
      if (!takes.length) {
        return;
      }
      result.pages.push(number);
      result.shown[number] = shown;
      takes.forEach(function (question) {
        var checked = checkOne(question, answers[question.key] || { values: [] });
        if (checked.error) {
          if (onlyPage === undefined || onlyPage === number) {
            result.errors[question.key] = checked.error;
          }
          return;
        }
        if (checked.given) {
          given[question.key] = checked.given;
        }
        if (checked.json !== null) {
          result.json[question.key] = checked.json;
        }
      });
    });
    return result;
  }

  // Drawing a page ------------------------------------------------------------------------

  function choiceInput(question, type, name, value, id, label, checked) {
    return element("div", { class: "choice" + (value === DECLINED ? " choice--declined" : "") }, [
      element("input", { type: type, name: name, value: value, id: id, checked: checked }),
      element("label", { for: id, text: label }),
    ]);
  }

  function drawQuestion(question, error, isRow) {
    var raw = answers[question.key] || { values: [], other: "", declined: false };
    var key = question.key;
    var describedBy = [];
    if (question.help_text) {
      describedBy.push("q-" + key + "-hint");
    }
    if (error) {
      describedBy.push("q-" + key + "-error");
    }
    var legend = element("legend", { class: "question__legend", text: question.text });
    if (!question.is_required) {
      legend.appendChild(document.createTextNode(" "));
      legend.appendChild(element("span", { class: "question__optional", text: "(" + S.optional + ")" }));
    }
    var box = element(
      "fieldset",
      {
        class: "question" + (isRow ? " question--row" : "") + (error ? " question--error" : ""),
        "aria-describedby": describedBy.join(" ") || null,
      },
      [legend]
    );
    if (question.help_text) {
      box.appendChild(element("p", { class: "question__hint", id: "q-" + key + "-hint", text: question.help_text }));
    }
    if (error) {
      var message = element("p", { class: "question__error", id: "q-" + key + "-error" }, [
        element("span", { class: "visually-hidden", text: S.errorPrefix }),
      ]);
      message.appendChild(document.createTextNode(" " + error));
      box.appendChild(message);
    }
    var chosen = raw.values || [];
    if (OPTION_KINDS.indexOf(question.kind) !== -1 || question.kind === "scale_0_10") {
      var type = question.kind === "multiple_choice" ? "checkbox" : "radio";
      var items =
        question.kind === "scale_0_10"
          ? Array.from({ length: 11 }, function (unused, point) {
              return { value: String(point), label: String(point), asks_for_text: false };
            })
          : question.options;
      var choices = element("div", {
        class:
          "choices" + (question.kind === "scale_0_10" ? " choices--scale" : "") + (isRow ? " choices--row" : ""),
      });
      items.forEach(function (option, index) {
        choices.appendChild(
          choiceInput(question, type, key, option.value, "q-" + key + "-" + index, option.label, chosen.indexOf(option.value) !== -1)
        );
      });
      if (question.allows_decline && question.kind !== "multiple_choice") {
        choices.appendChild(
          choiceInput(question, "radio", key, DECLINED, "q-" + key + "-declined", S.preferNot, raw.declined)
        );
      }
      box.appendChild(choices);
      if (question.kind === "scale_0_10") {
        box.appendChild(
          element("p", { class: "choices__ends", "aria-hidden": "true" }, [
            element("span", { text: S.scaleLow }),
            element("span", { text: S.scaleHigh }),
          ])
        );
      }
      var asking = items.filter(function (option) {
        return option.asks_for_text;
      });
      if (asking.length) {
        var names = asking
          .map(function (option) {
            return option.label.replace(/[ .…:]+$/, "");
          })
          .join(" / ");
        box.appendChild(
          element("div", { class: "question__other" }, [
            element("label", { for: "q-" + key + "-other", text: format(S.otherLabel, { option: names }) }),
            element("input", {
              type: "text",
              class: "text-input",
              name: key + "__other",
              id: "q-" + key + "-other",
              value: raw.other || "",
              maxlength: String(OTHER_MAX_LENGTH),
            }),
          ])
        );
      }
      if (question.allows_decline && question.kind === "multiple_choice") {
        box.appendChild(
          choiceInput(question, "checkbox", key + "__declined", "1", "q-" + key + "-declined", S.preferNot, raw.declined)
        );
      }
    } else {
      box.appendChild(element("label", { class: "visually-hidden", for: "q-" + key, text: question.text }));
      var value = chosen[0] || "";
      var field;
      if (question.kind === "long_text") {
        field = element("textarea", {
          class: "text-input text-input--long",
          name: key,
          id: "q-" + key,
          rows: "5",
          maxlength: String(question.max_length || 2000),
        });
        field.value = value;
      } else {
        field = element("input", {
          type: "text",
          class: "text-input" + (question.kind === "number" ? " text-input--number" : ""),
          inputmode: question.kind === "number" ? "decimal" : null,
          name: key,
          id: "q-" + key,
          value: value,
          maxlength: question.kind === "number" ? null : String(question.max_length || 200),
        });
      }
      box.appendChild(field);
      if (question.allows_decline) {
        box.appendChild(
          choiceInput(question, "checkbox", key + "__declined", "1", "q-" + key + "-declined", S.preferNot, raw.declined)
        );
      }
    }
    return box;
  }

  function firstId(question) {
    if (OPTION_KINDS.indexOf(question.kind) !== -1 || question.kind === "scale_0_10") {
      return "q-" + question.key + "-0";
    }
    return "q-" + question.key;
  }

  function drawPage(errors, quiet) {
    window.clearTimeout(resetTimer);
    var checked = checkAll();
    if (checked.pages.indexOf(page) === -1) {
      page = checked.pages[0];
    }
    var shown = checked.shown[page] || [];
    var step = checked.pages.indexOf(page) + 1;
    var isFirst = step === 1;
    var isLast = step === checked.pages.length;
    var rule = (definition.pages || []).filter(function (item) {
      return item.number === page;
    })[0];
    root.textContent = "";
    var wrong = shown.filter(function (question) {
      return errors[question.key];
    });
    if (wrong.length) {
      var list = element("ul", { class: "error-summary__list" });
      wrong.forEach(function (question) {
        list.appendChild(
          element("li", {}, [
            element("a", { href: "#" + firstId(question), text: question.text + " – " + errors[question.key] }),
          ])
        );
      });
      root.appendChild(
        element(
          "div",
          { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "error-summary-title" },
          [element("h2", { id: "error-summary-title", class: "error-summary__title", text: S.problem }), list]
        )
      );
    }
    if (rule && rule.title) {
      root.appendChild(element("p", { class: "runner__title", text: definition.title }));
    }
    root.appendChild(element("h1", { text: rule && rule.title ? rule.title : definition.title, tabindex: "-1" }));
    if (checked.pages.length > 1) {
      var label = format(S.pageOf, { step: step, count: checked.pages.length });
      root.appendChild(
        element("div", { class: "runner__progress" }, [
          element("label", { for: "runner-progress", text: label }),
          element("progress", { id: "runner-progress", max: String(checked.pages.length), value: String(step) }),
        ])
      );
    }
    if (isFirst && definition.intro) {
      root.appendChild(element("p", { class: "lead", text: definition.intro }));
    }
    if (rule && rule.intro) {
      root.appendChild(element("p", { text: rule.intro }));
    }
    var form = element("form", { class: "runner__form", novalidate: true, "data-tablet-form": true });
    var matrix = null;
    shown.forEach(function (question) {
      if (question.kind === "matrix") {
        matrix = element("fieldset", { class: "question question--matrix" }, [
          element("legend", { class: "question__legend", text: question.text }),
        ]);
        if (question.help_text) {
          matrix.appendChild(element("p", { class: "question__hint", text: question.help_text }));
        }
        form.appendChild(matrix);
        return;
      }
      if (question.kind === "matrix_row" && matrix) {
        matrix.appendChild(drawQuestion(question, errors[question.key], true));
        return;
      }
      matrix = null;
      form.appendChild(drawQuestion(question, errors[question.key], false));
    });
    var actions = element("div", { class: "runner__actions" }, [
      element("button", { type: "submit", class: "button", value: "next", text: isLast ? S.send : S.next }),
    ]);
    if (!isFirst) {
      actions.appendChild(
        element("button", { type: "button", class: "button button--secondary", "data-back": true, text: S.back })
      );
    }
    form.appendChild(actions);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      readPage(form, shown);
      goForward();
    });
    var back = form.querySelector("[data-back]");
    if (back) {
      back.addEventListener("click", function () {
        readPage(form, shown);
        var pages = checkAll().pages;
        var earlier = pages.filter(function (number) {
          return number < page;
        });
        page = earlier.length ? earlier[earlier.length - 1] : pages[0];
        drawPage({});
      });
    }
    root.appendChild(form);
    var summary = root.querySelector(".error-summary");
    if (!quiet) {
      // A new page or an error: move the focus there, as a page load would.
      (summary || root.querySelector("h1")).focus();
    }
  }

  function readPage(form, shown) {
    shown.forEach(function (question) {
      if (question.kind === "matrix") {
        return;
      }
      var key = question.key;
      var values = [];
      form.querySelectorAll("[name='" + key + "']").forEach(function (input) {
        if (input.type === "radio" || input.type === "checkbox") {
          if (input.checked) {
            values.push(input.value);
          }
        } else {
          values.push(input.value);
        }
      });
      var other = form.querySelector("[name='" + key + "__other']");
      var declined = form.querySelector("[name='" + key + "__declined']");
      answers[key] = {
        values: values,
        other: other ? other.value : "",
        declined: declined ? declined.checked : false,
      };
    });
  }

  function goForward() {
    var onThisPage = checkAll(page);
    if (Object.keys(onThisPage.errors).length) {
      return drawPage(onThisPage.errors);
    }
    var later = onThisPage.pages.filter(function (number) {
      return number > page;
    });
    if (later.length) {
      page = later[0];
      return drawPage({});
    }
    var all = checkAll();
    if (Object.keys(all.errors).length) {
      page = all.pages.filter(function (number) {
        return (all.shown[number] || []).some(function (question) {
          return all.errors[question.key];
        });
      })[0];
      return drawPage(all.errors);
    }
    return save(all.json);
  }

  function save(json) {
    var record = {
      id: crypto.randomUUID(),
      body: {
        id: null,
        wave: config.wave,
        version: config.version,
        language: config.language,
        tablet: config.tablet,
        answers: json,
      },
      rejected: null,
    };
    record.body.id = record.id;
    return keep(record).then(function () {
      answers = {};
      page = null;
      showThanks();
      return sendWaiting();
    });
  }

  function showThanks() {
    root.textContent = "";
    var next = element("button", { type: "button", class: "button", "data-next-person": true, text: S.nextPerson });
    root.appendChild(
      element("div", { class: "tablet__thanks" }, [
        element("h1", { tabindex: "-1", text: S.thanks }),
        element("p", { text: S.thanksHint }),
        next,
      ])
    );
    root.querySelector("h1").focus();
    next.addEventListener("click", startOver);
    resetTimer = window.setTimeout(startOver, RESET_AFTER_MS);
  }

  function startOver(quiet) {
    window.clearTimeout(resetTimer);
    answers = {};
    page = null;
    drawPage({}, quiet === true);
    window.scrollTo(0, 0);
  }

  // Start ----------------------------------------------------------------------------------

  function keepForOffline() {
    if (!("serviceWorker" in navigator) || !window.caches) {
      return;
    }
    navigator.serviceWorker
      .register(config.workerUrl, { scope: config.scope })
      .then(function () {
        var urls = [location.pathname + location.search, config.definitionUrl];
        document.querySelectorAll("script[src], link[rel=stylesheet], link[rel=icon]").forEach(function (node) {
          urls.push(node.getAttribute("src") || node.getAttribute("href"));
        });
        return caches.open(CACHE).then(function (cache) {
          return cache.addAll(urls);
        });
      })
      .catch(function () {});
  }

  function load() {
    return fetch(config.definitionUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        definition = data;
        definition.questions.sort(function (a, b) {
          return a.page - b.page;
        });
        startOver(true);
      })
      .catch(function () {
        root.textContent = "";
        root.appendChild(element("p", { class: "notice", role: "alert", text: S.loadFailed }));
      });
  }

  document.querySelector("[data-send-now]").textContent = S.sendNow;
  document.querySelector("[data-send-now]").addEventListener("click", sendWaiting);
  window.addEventListener("online", sendWaiting);
  window.addEventListener("offline", showStatus);
  keepForOffline();
  load().then(sendWaiting);
})();
