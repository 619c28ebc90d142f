/*
 * A stand-in for Office.js in the browser test: just what the taskpane and functions.js use.
 * Office.onReady reports Excel; Excel.run works on an in-memory workbook that the test supplies as
 * window.__stubWorkbook (sheets of {formula?, value, type?} cells and the active cell) and can
 * drive through window.__stub (select a cell, change a value, read what the pane wrote). Loads and
 * syncs are immediate: load discipline is checked by the unit tests against office-addin-mock.
 *
 * The stub cannot evaluate Excel's own functions, so a fixture cell may say what Excel would pass
 * its BTU function (`invoke: { args, parameterAddresses }`): when the cell is calculated (Range.calculate,
 * Application.calculate) the stub calls the function functions.js associated, as Excel does, with
 * an invocation carrying the cell's address, and shows its result in the cell.
 */
(function () {
  "use strict";
  var fixture = window.__stubWorkbook || {
    sheets: { Sheet1: {} },
    active: { sheet: "Sheet1", address: "A1" },
  };
  var state = {
    sheets: [],
    active: { sheet: fixture.active.sheet, address: fixture.active.address },
    handlers: [],
    settings: {},
    savedSettings: null,
    calculations: [],
    frozen: {},
    changeHandlers: [],
    functions: {},
    invocations: [],
    results: {},
    conditionalFormats: [],
    charts: [],
  };
  Object.keys(fixture.sheets).forEach(function (name) {
    state.sheets.push({ name: name, cells: JSON.parse(JSON.stringify(fixture.sheets[name])) });
  });

  function findSheet(name) {
    var lower = String(name).toLowerCase();
    return state.sheets.filter(function (s) {
      return s.name.toLowerCase() === lower;
    })[0];
  }
  function colIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
    return n - 1;
  }
  function colLetters(index) {
    var s = "";
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function bounds(address) {
    var m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.replace(/\$/g, "").toUpperCase());
    if (!m) return null;
    return {
      top: +m[2] - 1,
      left: colIndex(m[1]),
      bottom: m[4] ? +m[4] - 1 : +m[2] - 1,
      right: m[3] ? colIndex(m[3]) : colIndex(m[1]),
    };
  }
  function cellName(row, col) {
    return colLetters(col) + (row + 1);
  }
  function quoted(name) {
    return /^[A-Za-z_][\w.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function valueType(cell) {
    if (!cell || cell.value === "") return "Empty";
    if (cell.type) return cell.type;
    return typeof cell.value === "number"
      ? "Double"
      : typeof cell.value === "boolean"
        ? "Boolean"
        : "String";
  }

  function Range(sheet, address) {
    this._sheet = sheet;
    this._address = address.replace(/\$/g, "").toUpperCase();
    this.isNullObject = false;
    this.format = { font: {}, fill: {}, autofitRows: function () {} };
    this.conditionalFormats = {
      add: function (type) {
        var rule = { textComparison: { format: { fill: {}, font: {} } } };
        state.conditionalFormats.push({
          sheet: sheet.name,
          address: address,
          type: type,
          rule: rule,
        });
        return rule;
      },
    };
    this.worksheet = new Worksheet(sheet);
  }
  Range.prototype.load = function () {
    return this;
  };
  Range.prototype._grid = function (pick) {
    var b = bounds(this._address);
    if (!b) return [];
    var rows = [];
    for (var r = b.top; r <= b.bottom; r++) {
      var row = [];
      for (var c = b.left; c <= b.right; c++) row.push(pick(this._sheet.cells[cellName(r, c)]));
      rows.push(row);
    }
    return rows;
  };
  Range.prototype._write = function (grid, asFormulas) {
    var b = bounds(this._address);
    var sheet = this._sheet;
    grid.forEach(function (row, r) {
      row.forEach(function (value, c) {
        var name = cellName(b.top + r, b.left + c);
        if (value === "" || value === null) delete sheet.cells[name];
        else if (asFormulas && typeof value === "string" && value.charAt(0) === "=")
          sheet.cells[name] = { formula: value, value: "" };
        else sheet.cells[name] = { value: value };
      });
    });
  };
  Object.defineProperties(Range.prototype, {
    address: {
      get: function () {
        return quoted(this._sheet.name) + "!" + this._address;
      },
    },
    values: {
      get: function () {
        return this._grid(function (cell) {
          return cell ? cell.value : "";
        });
      },
      set: function (grid) {
        this._write(grid, false);
      },
    },
    formulas: {
      get: function () {
        return this._grid(function (cell) {
          return cell ? (cell.formula !== undefined ? cell.formula : cell.value) : "";
        });
      },
      set: function (grid) {
        this._write(grid, true);
      },
    },
    valueTypes: {
      get: function () {
        return this._grid(valueType);
      },
    },
    numberFormat: {
      get: function () {
        return this._grid(function () {
          return "General";
        });
      },
      set: function () {},
    },
  });
  Range.prototype.select = function () {
    state.active = { sheet: this._sheet.name, address: this._address };
    fireSelection();
  };
  Range.prototype.calculate = function () {
    var b = bounds(this._address);
    for (var r = b.top; r <= b.bottom; r++)
      for (var c = b.left; c <= b.right; c++) invokeCell(this._sheet, cellName(r, c));
  };
  Range.prototype.getEntireColumn = function () {
    var letters = this._address.replace(/\d.*$/, "");
    return new Range(this._sheet, letters + ":" + letters);
  };
  Range.prototype.getSpillingToRangeOrNullObject = function () {
    return {
      isNullObject: true,
      load: function () {
        return this;
      },
    };
  };

  function Worksheet(sheet) {
    this._sheet = sheet;
    this.isNullObject = false;
    this.freezePanes = {
      freezeRows: function (n) {
        state.frozen[sheet.name] = n;
      },
    };
  }
  Object.defineProperty(Worksheet.prototype, "name", {
    get: function () {
      return this._sheet.name;
    },
    set: function (value) {
      this._sheet.name = value;
    },
  });
  Worksheet.prototype.load = function () {
    return this;
  };
  Object.defineProperty(Worksheet.prototype, "charts", {
    get: function () {
      var sheet = this._sheet;
      return {
        add: function (type, range) {
          var chart = { sheet: sheet.name, type: type, source: range._address, title: {} };
          state.charts.push(chart);
          return {
            title: chart.title,
            setPosition: function (at) {
              chart.at = at;
            },
          };
        },
      };
    },
  });
  Worksheet.prototype.getRange = function (address) {
    return new Range(this._sheet, address);
  };
  Worksheet.prototype.getUsedRangeOrNullObject = function () {
    var names = Object.keys(this._sheet.cells);
    if (!names.length)
      return {
        isNullObject: true,
        load: function () {
          return this;
        },
      };
    var b = names.map(bounds);
    var top = Math.min.apply(
      null,
      b.map(function (x) {
        return x.top;
      })
    );
    var left = Math.min.apply(
      null,
      b.map(function (x) {
        return x.left;
      })
    );
    var bottom = Math.max.apply(
      null,
      b.map(function (x) {
        return x.bottom;
      })
    );
    var right = Math.max.apply(
      null,
      b.map(function (x) {
        return x.right;
      })
    );
    return new Range(this._sheet, cellName(top, left) + ":" + cellName(bottom, right));
  };
  Worksheet.prototype.activate = function () {
    state.active = { sheet: this._sheet.name, address: "A1" };
  };
  Worksheet.prototype.delete = function () {
    var sheet = this._sheet;
    state.sheets = state.sheets.filter(function (s) {
      return s !== sheet;
    });
  };
  Worksheet.prototype.copy = function () {
    var copy = {
      name: this._sheet.name + " (2)",
      cells: JSON.parse(JSON.stringify(this._sheet.cells)),
    };
    state.sheets.push(copy);
    return new Worksheet(copy);
  };

  var worksheets = {
    load: function () {
      return this;
    },
    get items() {
      return state.sheets.map(function (s) {
        return new Worksheet(s);
      });
    },
    getItem: function (name) {
      var sheet = findSheet(name);
      if (!sheet) throw new Error("ItemNotFound: " + name);
      return new Worksheet(sheet);
    },
    getItemOrNullObject: function (name) {
      var sheet = findSheet(name);
      return sheet
        ? new Worksheet(sheet)
        : {
            isNullObject: true,
            load: function () {
              return this;
            },
          };
    },
    add: function (name) {
      var sheet = { name: name, cells: {} };
      state.sheets.push(sheet);
      return new Worksheet(sheet);
    },
    getActiveWorksheet: function () {
      return new Worksheet(findSheet(state.active.sheet));
    },
    onChanged: {
      add: function (handler) {
        state.changeHandlers.push({ kind: "changed", handler: handler });
      },
    },
    onCalculated: {
      add: function (handler) {
        state.changeHandlers.push({ kind: "calculated", handler: handler });
      },
    },
  };

  var workbook = {
    worksheets: worksheets,
    getActiveCell: function () {
      return new Range(findSheet(state.active.sheet), state.active.address.split(":")[0]);
    },
    onSelectionChanged: {
      add: function (handler) {
        state.handlers.push(handler);
      },
    },
    application: {
      calculate: function (type) {
        state.calculations.push(type);
        calculateAll();
      },
    },
    functions: {
      // DATE(1904,1,1): serial 0 in the 1904 date system, 1462 in the 1900 system.
      date: function () {
        return {
          value: fixture.date1904 ? 0 : 1462,
          load: function () {
            return this;
          },
        };
      },
    },
  };

  /** Calls a cell's BTU function as Excel would, with the arguments the fixture says Excel passes. */
  function invokeCell(sheet, address) {
    var cell = sheet.cells[address];
    if (!cell || !cell.invoke || !cell.formula) return;
    var name = /^=BTU\.([A-Z_]+)\(/i.exec(cell.formula)[1].toUpperCase();
    var fn = state.functions[name];
    if (!fn) return;
    var invocation = {
      address: quoted(sheet.name) + "!" + address,
      parameterAddresses: cell.invoke.parameterAddresses,
      functionName: name,
      isInValuePreview: false,
    };
    state.invocations.push(invocation.address);
    // Excel passes every declared parameter (null where omitted), then the invocation.
    var args = cell.invoke.args.slice();
    while (args.length < fn.length - 1) args.push(null);
    var result = fn.apply(null, args.concat([invocation]));
    Promise.resolve(result).then(function (value) {
      state.results[invocation.address] = value;
      if (value && typeof value === "object" && "basicValue" in value) value = value.basicValue;
      if (value instanceof CustomFunctionsError) {
        cell.value = value.code;
        cell.type = "Error";
      } else {
        cell.value = value;
        delete cell.type;
      }
    });
  }
  function calculateAll() {
    state.sheets.forEach(function (sheet) {
      Object.keys(sheet.cells).forEach(function (address) {
        invokeCell(sheet, address);
      });
    });
    fireEvents(
      state.changeHandlers.filter(function (h) {
        return h.kind === "calculated";
      })
    );
  }
  function fireEvents(list) {
    setTimeout(function () {
      list.forEach(function (entry) {
        entry.handler({});
      });
    }, 0);
  }

  function fireSelection() {
    setTimeout(function () {
      state.handlers.forEach(function (handler) {
        handler({ address: state.active.address });
      });
    }, 0);
  }

  window.Excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" },
    run: function (batch) {
      return Promise.resolve().then(function () {
        return batch({
          workbook: workbook,
          sync: function () {
            return Promise.resolve();
          },
        });
      });
    },
  };

  window.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: {
        isSetSupported: function (name, version) {
          var sets = fixture.requirementSets || {};
          return Object.prototype.hasOwnProperty.call(sets, name) && sets[name] >= Number(version);
        },
      },
      officeTheme: fixture.officeTheme,
      document: {
        settings: {
          get: function (key) {
            return Object.prototype.hasOwnProperty.call(state.settings, key)
              ? state.settings[key]
              : null;
          },
          set: function (key, value) {
            state.settings[key] = value;
          },
          remove: function (key) {
            delete state.settings[key];
          },
          saveAsync: function (callback) {
            state.savedSettings = JSON.parse(JSON.stringify(state.settings));
            setTimeout(function () {
              if (callback) callback({ status: "succeeded" });
            }, 0);
          },
        },
      },
    },
    onReady: function (callback) {
      var info = { host: "Excel", platform: "PC" };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (callback) callback(info);
          resolve(info);
        }, 0);
      });
    },
  };

  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message;
  }
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "string") state.functions[id.toUpperCase()] = fn;
      else
        Object.keys(id).forEach(function (key) {
          state.functions[key.toUpperCase()] = id[key];
        });
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };

  window.__stub = {
    state: state,
    select: function (sheet, address) {
      state.active = { sheet: sheet, address: address };
      fireSelection();
    },
    cell: function (sheet, address) {
      var s = findSheet(sheet);
      return s ? s.cells[address] || null : null;
    },
    /** A user's edit: the value changes, Excel recalculates the cells that call BTU functions. */
    setValue: function (sheet, address, value) {
      findSheet(sheet).cells[address] = { value: value };
      fireEvents(
        state.changeHandlers.filter(function (h) {
          return h.kind === "changed";
        })
      );
      calculateAll();
    },
    sheetNames: function () {
      return state.sheets.map(function (s) {
        return s.name;
      });
    },
  };
})();
